using Station.Configuration;
using Station.Model;

namespace Station.Host.Fleet;

/// <summary>The fleet's station model: the <c>--config</c> model with <c>--connectors</c> and <c>--set</c> applied.</summary>
internal static class FleetModel
{
    public const int MaxConnectors = 32;

    // The names are how the user wrote the connectors and the defaults (options, a fleet file's fields), for the messages.
    public static StationModel Apply(
        StationModel model, int? connectors, IEnumerable<string> settings, string connectorsName = "--connectors", string setName = "--set", string? bothName = null)
    {
        if (connectors is { } count)
        {
            if (count is < 1 or > MaxConnectors)
            {
                throw new UsageException($"{connectorsName} {count} is outside 1..{MaxConnectors}");
            }

            // More connectors than the model has repeat its last one.
            model = model with { Connectors = [.. Enumerable.Range(0, count).Select(i => model.Connectors[Math.Min(i, model.Connectors.Count - 1)])] };
        }

        var configuration = new Dictionary<string, ConfigurationKeyModel>(model.Configuration, StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"{setName} '{setting}' is not KEY=VALUE (for example MeterValueSampleInterval=10)");
            }

            var key = setting[..equals];
            var value = setting[(equals + 1)..];
            configuration[key] = configuration.TryGetValue(key, out var known) ? known with { Value = value } : new ConfigurationKeyModel { Value = value };
        }

        model = model with { Configuration = configuration };
        try
        {
            return StationModelValidator.Validate(model);
        }
        catch (ModelException ex)
        {
            throw new UsageException($"{bothName ?? $"{connectorsName}/{setName}"}: {ex.Message}");
        }
    }
}
