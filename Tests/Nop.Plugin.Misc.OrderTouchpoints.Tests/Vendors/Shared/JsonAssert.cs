using System.Text.Json;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

public static class JsonAssert
{
    public static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    public static void HasExactKeys(JsonElement element, params string[] keys) =>
        Assert.That(Keys(element), Is.EquivalentTo(keys), "JSON keys");
}
