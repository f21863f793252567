namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// nopCommerce stores every order amount in the primary store currency; vendors get what the customer
/// paid, in <c>Order.CustomerCurrencyCode</c>, rounded half away from zero to 2 decimals.
/// </summary>
public static class CustomerMoney
{
    public static decimal Convert(decimal primaryAmount, decimal currencyRate) =>
        Round(primaryAmount * currencyRate);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
