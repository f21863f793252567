using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>How every vendor body is serialized; previews use the same options, so they show the exact bytes sent.</summary>
public static class VendorJson
{
    // The default encoder writes "Zoë" as "Zo\u00EB" and "+39" as "\u002B39": valid JSON, but vendors that
    // store the raw text (and store owners reading a preview) see escapes. The bodies only ever travel as
    // HTTP content; previews are HTML-encoded by Razor when shown, so the relaxed encoder is safe here.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        // Optional vendor fields are left out rather than sent as null.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    public static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Options);
}
