using Microsoft.Playwright;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>A guest order clicked through the DefaultClean storefront in Chromium: product, cart, one-page checkout.</summary>
public static class StorefrontBrowserCheckout
{
    public static async Task<PlacedOrder> PlaceGuestOrderAsync(Suite suite, Buyer buyer)
    {
        var context = await suite.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = suite.Environment.StoreUrl.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(StorefrontCheckout.ProductPath, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.ClickAsync("button.add-to-cart-button");
            await page.Locator("#bar-notification .success, #bar-notification.success").WaitForAsync();
            await page.GotoAsync("cart", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.SelectOptionAsync("#checkout_attribute_1", "1");
            await page.CheckAsync("#termsofservice");
            await page.ClickAsync("#checkout");
            await page.ClickAsync(".checkout-as-guest-button");
            // A parsed document, not "load": on this offline machine a storefront page's "load" can wait on resources that never come.
            await page.WaitForDocumentAsync("^/onepagecheckout");

            await page.FillAsync("#BillingNewAddress_FirstName", buyer.FirstName);
            await page.FillAsync("#BillingNewAddress_LastName", buyer.LastName);
            await page.FillAsync("#BillingNewAddress_Email", buyer.Email);
            // The country change reloads the state list by AJAX, which resets the state picked before it answered: pick
            // the state once that reload's response has come (no reload when the country is already selected).
            var country = page.Locator("#BillingNewAddress_CountryId");
            var unitedStates = await country.Locator("option", new() { HasText = "United States of America" }).First.GetAttributeAsync("value");
            if (await country.InputValueAsync() != unitedStates)
            {
                await page.RunAndWaitForResponseAsync(() => country.SelectOptionAsync(unitedStates!),
                    r => r.Url.Contains("getstatesbycountryid", StringComparison.OrdinalIgnoreCase));
                // jQuery counts a request as active until its success callback (which fills the list) has run.
                await page.WaitForFunctionAsync("() => window.jQuery && jQuery.active === 0");
            }
            await page.SelectOptionAsync("#BillingNewAddress_StateProvinceId", new SelectOptionValue { Label = "New York" });
            await page.FillAsync("#BillingNewAddress_City", buyer.City);
            await page.FillAsync("#BillingNewAddress_Address1", "1 Main Street");
            await page.FillAsync("#BillingNewAddress_ZipPostalCode", buyer.Zip);
            await page.FillAsync("#BillingNewAddress_PhoneNumber", buyer.Phone);
            await page.ClickAsync("#billing-buttons-container .new-address-next-step-button");
            await page.ClickAsync("#shipping-method-buttons-container .shipping-method-next-step-button");
            // With a single payment method nopCommerce skips the payment-method step.
            var paymentMethod = page.Locator("#payment-method-buttons-container .payment-method-next-step-button");
            var paymentInfo = page.Locator("#payment-info-buttons-container .payment-info-next-step-button");
            await page.Locator("#payment-method-buttons-container .payment-method-next-step-button:visible, #payment-info-buttons-container .payment-info-next-step-button:visible")
                .First.WaitForAsync();
            if (await paymentMethod.IsVisibleAsync())
                await paymentMethod.ClickAsync();
            await paymentInfo.ClickAsync();
            await page.ClickAsync("#confirm-order-buttons-container .confirm-order-next-step-button");
            await page.WaitForDocumentAsync("^/checkout/completed");
            var confirmedAt = DateTimeOffset.UtcNow;
            await suite.ScreenshotAsync(page, "c-storefront-order-completed");
            return await suite.Checkout.PlacedOrderAsync(await page.ContentAsync(), buyer.Email, confirmedAt);
        }
        catch
        {
            await suite.ScreenshotAsync(page, "c-storefront-order-failed");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
