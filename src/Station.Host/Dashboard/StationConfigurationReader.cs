using Station.Host.Run;

namespace Station.Host.Dashboard;

/// <summary>
/// The station's configuration keys as a GetConfiguration without keys answers them, so a key
/// the station keeps secret (AuthorizationKey) is hidden from the page as from the Central System.
/// </summary>
internal static class StationConfigurationReader
{
    /// <summary>The keys, by name; null while the station reboots.</summary>
    public static async Task<IReadOnlyList<ConfigurationKeyBody>?> ReadAsync(StationRunner runner, CancellationToken cancellationToken)
    {
        if (runner.Current is not { } station)
        {
            return null;
        }

        using (await station.Runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var (known, _) = station.Configuration.Read(null);
            return [.. known.Select(k => new ConfigurationKeyBody(k.Key, k.Value, k.ReadOnly)).OrderBy(k => k.Key, StringComparer.Ordinal)];
        }
    }
}
