using System.Security.Cryptography;
using System.Text;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>One identity per API key, stored in two columns exactly as earlier versions wrote them.</summary>
public class VendorKeyTests
{
    [TestCase(TouchpointVendor.VoyadoEngage, "engage-key-1")]
    [TestCase(TouchpointVendor.Transactionale, "trx-test-key-0001")]
    public void Parked_rows_and_web_farm_leases_written_before_keep_matching_their_key(TouchpointVendor vendor, string apiKey)
    {
        var sha = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

        var key = VendorKey.Of(vendor, apiKey);

        // The outbox's VendorKey column: vendor id and the first 8 bytes of the SHA-256 in hexadecimal.
        Assert.That(key.Name, Is.EqualTo($"{(int)vendor}:{Convert.ToHexString(sha, 0, 8)}"));
        // The lease table's KeyHash column: the same 8 bytes read as a little-endian number.
        Assert.That(key.Hash, Is.EqualTo(BitConverter.ToInt64(sha, 0)));
        Assert.That(key.Name, Does.Not.Contain(apiKey));
    }
}
