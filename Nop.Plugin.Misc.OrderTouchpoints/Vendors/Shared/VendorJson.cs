using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>How every vendor body is serialized; previews use the same options, so they show the exact bytes sent.</summary>
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
}
