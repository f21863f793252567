using System.Text.Json;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// The documented shape of a vendor body: for every object the exact keys allowed, which are required,
/// and each value's JSON type. Strings that are present must not be blank (the plugin omits empty optionals).
/// </summary>
public abstract record JsonShape
{
    public static JsonShape Text { get; } = new ValueShape(JsonValueKind.String);
    public static JsonShape Number { get; } = new ValueShape(JsonValueKind.Number);

    public static JsonShape Object(params Member[] members) => new ObjectShape(members);

    public static JsonShape ArrayOf(JsonShape item) => new ArrayShape(item);

    public static Member Required(string key, JsonShape shape) => new(key, shape, true);

    public static Member Optional(string key, JsonShape shape) => new(key, shape, false);

    public abstract void Check(JsonElement element, string path, List<string> violations);

    public List<string> Check(string json)
    {
        var violations = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Check(document.RootElement, "$", violations);
        }
        catch (JsonException ex)
        {
            violations.Add($"body is not JSON: {ex.Message}");
        }
        return violations;
    }

    public sealed record Member(string Key, JsonShape Shape, bool IsRequired);

    private sealed record ValueShape(JsonValueKind Kind) : JsonShape
    {
        public override void Check(JsonElement element, string path, List<string> violations)
        {
            if (element.ValueKind != Kind)
                violations.Add($"{path} is {element.ValueKind}, expected {Kind}");
            else if (Kind == JsonValueKind.String && string.IsNullOrWhiteSpace(element.GetString()))
                violations.Add($"{path} is a blank string (should have been left out)");
        }
    }

    private sealed record ArrayShape(JsonShape Item) : JsonShape
    {
        public override void Check(JsonElement element, string path, List<string> violations)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                violations.Add($"{path} is {element.ValueKind}, expected Array");
                return;
            }
            var index = 0;
            foreach (var item in element.EnumerateArray())
                Item.Check(item, $"{path}[{index++}]", violations);
        }
    }

    private sealed record ObjectShape(IReadOnlyList<Member> Members) : JsonShape
    {
        public override void Check(JsonElement element, string path, List<string> violations)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                violations.Add($"{path} is {element.ValueKind}, expected Object");
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                // Names are case-sensitive at the vendors: "orderid" is not "orderId".
                var member = Members.FirstOrDefault(m => string.Equals(m.Key, property.Name, StringComparison.Ordinal));
                if (!seen.Add(property.Name))
                    violations.Add($"{path}.{property.Name} appears twice");
                if (member is null)
                    violations.Add($"{path}.{property.Name} is not a documented key");
                else
                    member.Shape.Check(property.Value, $"{path}.{property.Name}", violations);
            }
            foreach (var missing in Members.Where(m => m.IsRequired && !seen.Contains(m.Key)))
                violations.Add($"{path}.{missing.Key} is required but missing");
        }
    }
}
