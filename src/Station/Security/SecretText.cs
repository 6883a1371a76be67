using System.Text.RegularExpressions;

namespace Station.Security;

/// <summary>
/// What never reaches a log line, the trace or an uploaded log (issue 12, contract "Security"):
/// the value of a write-only key (AuthorizationKey, the Basic authentication password) and PEM
/// private keys. Applied where text leaves for a log: configuration log lines and trace frames.
/// </summary>
public static partial class SecretText
{
    /// <summary>What stands in for a secret.</summary>
    public const string Mask = "***";

    /// <summary>The configuration keys whose value is a secret.</summary>
    public static IReadOnlyList<string> WriteOnlyKeys { get; } = ["AuthorizationKey"];

    /// <summary>Whether <paramref name="key"/>'s value is a secret.</summary>
    public static bool IsSecretKey(string key) => WriteOnlyKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="key"/> as a log line may show it.</summary>
    public static string ForLog(string key, string value) => IsSecretKey(key) ? Mask : value;

    /// <summary>An OCPP-J frame (or any text) with the values of write-only keys and PEM private keys masked.</summary>
    public static string Redact(string text)
    {
        if (text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            text = PrivateKey().Replace(text, Mask);
        }

        if (WriteOnlyKeys.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            text = ValueAfterKey().Replace(text, "$1\"" + Mask + "\"");
            text = ValueBeforeKey().Replace(text, "$1\"" + Mask + "\"$2");
        }

        return text;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(""key""\s*:\s*""AuthorizationKey""\s*,\s*""value""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueAfterKey();

    [GeneratedRegex(@"(""value""\s*:\s*)""(?:[^""\\]|\\.)*""(\s*,\s*""key""\s*:\s*""AuthorizationKey"")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueBeforeKey();
}
