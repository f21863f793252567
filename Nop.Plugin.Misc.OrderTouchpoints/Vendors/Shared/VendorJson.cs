using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>How every vendor body is serialized and sent; previews use the same options, so they show the exact bytes sent.</summary>
public static class VendorJson
{
    // The default encoder writes "Zoë" as "Zo\u00EB": vendors that store the raw text show escapes. Bodies only travel as
    // HTTP content and Razor HTML-encodes previews, so the relaxed encoder is safe here.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    public static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>
    /// A UTF-8 body labelled exactly <c>application/json</c>, as the vendors document it. Not StringContent, which adds
    /// "; charset=utf-8": some vendor servers compare the header literally.
    /// </summary>
    public static HttpContent Content(string json) =>
        new ByteArrayContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
}
