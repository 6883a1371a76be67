using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ocpp16.Security;

/// <summary>
/// What never reaches a log line, a trace or an uploaded log (security whitepaper; both sides of
/// the connection use it: the station's trace and logs, the built-in Central System's output): the
/// value of a write-only configuration key (AuthorizationKey, the HTTP Basic password) and PEM
/// private keys. The one masker of the repository: frames and free text go through
/// <see cref="Redact"/>, single values through <see cref="ForLog"/>.
/// </summary>
public static partial class SecretText
{
    /// <summary>What stands in for a secret.</summary>
    public const string Mask = "***";

    private const string ChangeConfiguration = "ChangeConfiguration";

    /// <summary>The configuration keys whose value is a secret (the whitepaper's AuthorizationKey).</summary>
    public static IReadOnlyList<string> WriteOnlyKeys { get; } = ["AuthorizationKey"];

    /// <summary>Whether <paramref name="key"/>'s value is a secret; key names compare case-insensitively, as the station looks them up.</summary>
    public static bool IsSecretKey(string? key) => key is not null && WriteOnlyKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="key"/> as a log line may show it.</summary>
    public static string? ForLog(string? key, string? value) => value is not null && IsSecretKey(key) ? Mask : value;

    /// <summary>
    /// An OCPP-J frame, or any text, with PEM private keys and the values of write-only keys masked.
    /// A ChangeConfiguration CALL is read as JSON, so an escaped key name (<c>Authorization\u004Bey</c>)
    /// is caught too; one that names a write-only key but cannot be read is hidden whole, since
    /// where its value sits is unknown. Text with no secret is returned as it is.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            text = PrivateKey().Replace(text, Mask);
        }

        var namesKey = WriteOnlyKeys.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
        // An escaped name (\u…) may hide either word from a plain search: such a frame is read as JSON.
        if (!namesKey && !text.Contains(ChangeConfiguration, StringComparison.Ordinal) && !text.Contains("\\u", StringComparison.Ordinal))
        {
            return text;
        }

        if (namesKey)
        {
            // Key and value in either order, as JSON writes them or a log line quotes them.
            text = ValueAfterKey().Replace(text, "$1\"" + Mask + "\"");
            text = ValueBeforeKey().Replace(text, "$1\"" + Mask + "\"$2");
        }

        return text.TrimStart().StartsWith('[') ? RedactFrame(text, namesKey) : text;
    }

    private static string RedactFrame(string frame, bool namesKey)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(frame);
        }
        catch (JsonException)
        {
            return namesKey && frame.Contains("\"value\"", StringComparison.Ordinal) ? $"[frame hidden: it names {WriteOnlyKeys[0]} and is not valid JSON]" : frame;
        }

        if (parsed is JsonArray { Count: 4 } call
            && call[2] is JsonValue action && action.TryGetValue<string>(out var name) && name == ChangeConfiguration
            && call[3] is JsonObject payload
            && payload["key"] is JsonValue key && key.TryGetValue<string>(out var keyName) && IsSecretKey(keyName)
            && payload["value"] is JsonValue value && !(value.TryGetValue<string>(out var shown) && shown == Mask))
        {
            payload["value"] = Mask;
            return call.ToJsonString();
        }

        return frame;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(""key""\s*:\s*""AuthorizationKey""\s*,\s*""value""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueAfterKey();

    [GeneratedRegex(@"(""value""\s*:\s*)""(?:[^""\\]|\\.)*""(\s*,\s*""key""\s*:\s*""AuthorizationKey"")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueBeforeKey();
}
