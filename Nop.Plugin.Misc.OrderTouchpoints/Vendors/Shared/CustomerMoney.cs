namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>nopCommerce keeps amounts in the primary currency; vendors get what the customer paid, in their currency.</summary>
public static class CustomerMoney
{
    public static decimal Convert(decimal primaryAmount, decimal currencyRate) =>
        Round(primaryAmount * currencyRate);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
