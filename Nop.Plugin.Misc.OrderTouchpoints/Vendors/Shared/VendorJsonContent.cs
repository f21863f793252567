using System.Net.Http.Headers;
using System.Text;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>A UTF-8 JSON body labelled exactly <c>application/json</c>, as the vendors document it.</summary>
public static class VendorJsonContent
{
    // Not StringContent, which adds "; charset=utf-8": some vendor servers compare the header literally.
    public static HttpContent Create(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
