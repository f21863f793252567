namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

public enum TransactionaleConsentMode
{
    /// <summary>Neither a consent nor "send without a consent check": the vendor cannot be enabled.</summary>
    NotChosen,
    /// <summary>Only customers who accepted <see cref="OrderTouchpointsTransactionaleSettings.RequiredGdprConsentId"/> are sent.</summary>
    ConsentRequired,
    /// <summary>Every order is sent; the store owner ticked that another legal basis covers it.</summary>
    WithoutConsentCheck
}

/// <summary>
/// Transactionale's mail carries third-party offers and its own shop plugins send only customers who opted in
/// (docs/vendors.md §1), so the store owner must choose, before the vendor can be enabled, a GDPR consent to
/// require or, explicitly, to send without a consent check. A chosen consent wins over the tick.
/// </summary>
public static class TransactionaleConsentRule
{
    public static TransactionaleConsentMode ModeOf(OrderTouchpointsTransactionaleSettings settings) =>
        settings.RequiredGdprConsentId > 0 ? TransactionaleConsentMode.ConsentRequired
        : settings.SendWithoutConsentCheck ? TransactionaleConsentMode.WithoutConsentCheck
        : TransactionaleConsentMode.NotChosen;

    public const string NotChosenProblem =
        "No consent rule is chosen for Transactionale in this store: pick the GDPR consent customers must have accepted, " +
        "or tick \"send without a consent check\" if another legal basis covers the offers in Transactionale's mail.";
}
