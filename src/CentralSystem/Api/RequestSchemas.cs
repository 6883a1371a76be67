using System.Collections.Concurrent;

namespace CentralSystem.Api;

/// <summary>
/// The official OCPP 1.6 JSON schema of each request, embedded in the assembly (the unmodified
/// OCA files, core and security extension), served to the web UI so it can build a form for
/// any request. Looked up by action name, so an action added to the registry finds its schema
/// without a list kept here.
/// </summary>
internal static class RequestSchemas
{
    private const string ResourcePrefix = "schemas/";

    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    /// <summary>The schema file of <paramref name="action"/>'s request, or null when none is embedded.</summary>
    public static byte[]? For(string action) => Cache.GetOrAdd(action, Load);

    private static byte[]? Load(string action)
    {
        using var stream = typeof(RequestSchemas).Assembly.GetManifestResourceStream(ResourcePrefix + action + ".json");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
