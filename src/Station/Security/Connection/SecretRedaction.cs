using System.Text.Json;
using System.Text.Json.Nodes;

namespace Station.Security.Connection;

/// <summary>
/// Keeps the AuthorizationKey out of message traces: the value of a ChangeConfiguration of that key
/// is replaced before a frame is written anywhere. A frame that names the key but cannot be read is
/// hidden whole, since where its value sits is unknown.
/// </summary>
public static class SecretRedaction
{
    /// <summary>What replaces a hidden value.</summary>
    public const string Hidden = "(hidden)";

    /// <summary>The frame text with the AuthorizationKey's value hidden; the text itself when it carries none.</summary>
    public static string Redact(string frame)
    {
        if (!frame.Contains(SecurityKeys.AuthorizationKey, StringComparison.OrdinalIgnoreCase))
        {
            return frame;
        }

        try
        {
            if (JsonNode.Parse(frame) is JsonArray { Count: 4 } call
                && call[3] is JsonObject payload
                && payload["key"] is JsonValue key && key.TryGetValue<string>(out var name)
                && string.Equals(name, SecurityKeys.AuthorizationKey, StringComparison.OrdinalIgnoreCase)
                && payload.ContainsKey("value"))
            {
                payload["value"] = Hidden;
                return call.ToJsonString();
            }

            // A GetConfiguration answer lists the key without its value; any other frame only names it.
            return frame.Contains("\"value\"", StringComparison.Ordinal) && IsChangeConfiguration(frame) ? $"[frame hidden: it names {SecurityKeys.AuthorizationKey}]" : frame;
        }
        catch (JsonException)
        {
            return $"[frame hidden: it names {SecurityKeys.AuthorizationKey} and is not valid JSON]";
        }
    }

    private static bool IsChangeConfiguration(string frame) => frame.Contains("ChangeConfiguration", StringComparison.OrdinalIgnoreCase);
}
