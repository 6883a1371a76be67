using System.Globalization;
using System.Text.Json;
using Station.Configuration;
using Station.Host.Run;

namespace Station.Host.Fleet;

/// <summary>
/// Reads a fleet file into its groups. Every problem is one usage error naming the file, the group
/// (its index and name) and the field: <c>--fleet-file 'f.json': groups[1] "dc": count: -1 must be at least 1</c>.
/// </summary>
internal static class FleetFileLoader
{
    public const int MaxNameLength = 64;

    public static IReadOnlyList<FleetGroup> Load(string path)
    {
        try
        {
            return Groups(path, Read(path));
        }
        catch (UsageException ex)
        {
            throw new UsageException($"--fleet-file '{path}': {ex.Message}");
        }
    }

    private static FleetFile Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, FleetFileJsonContext.Default.FleetFile)
                ?? throw new UsageException("the file holds null, not a JSON object with \"groups\"");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(ex.Message.ReplaceLineEndings(" "));
        }
        catch (JsonException ex)
        {
            throw new UsageException(JsonProblem(ex));
        }
    }

    // "$.groups[0].cout (line 5): unknown field": the path and line of the problem, in the file's words, not the types'.
    private static string JsonProblem(JsonException ex)
    {
        var where = ex.Path is { Length: > 0 } jsonPath ? jsonPath : "$";
        var line = ex.LineNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $" (line {n + 1})") : "";
        var message = ex.Message;
        var problem = message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) ? "unknown field"
            : message.Contains("could not be converted to", StringComparison.Ordinal) ? $"not {Expected(where)}"
            : OneSentence(message);
        return $"{where}{line}: {problem}";
    }

    // What the field at the end of the path holds, by its name in the file.
    private static string Expected(string path) => path[(path.LastIndexOf('.') + 1)..] switch
    {
        "count" or "connectors" => "a whole number",
        "atg" => "true or false",
        "disconnects" or "powerLosses" => "a number",
        "name" or "config" or "idPrefix" or "txDuration" or "txPause" or "offline" or "powerOff" => "a string",
        "groups" => "an array",
        _ => "an object",
    };

    private static string OneSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).ReplaceLineEndings(" ");
    }

    private static List<FleetGroup> Groups(string path, FleetFile file)
    {
        if (file.Groups is not { Count: > 0 } groups)
        {
            throw new UsageException("no groups: the file needs {\"groups\": [{\"count\": 10}, ...]}");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<FleetGroup>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i] ?? throw new UsageException($"groups[{i}]: null, not a group object");
            var where = group.Name is null ? $"groups[{i}]" : $"groups[{i}] \"{group.Name}\"";
            var name = group.Name ?? string.Create(CultureInfo.InvariantCulture, $"group {i + 1}");
            if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
            {
                throw new UsageException($"{where}: name: must be 1 to {MaxNameLength} printable characters");
            }

            if (!names.Add(name))
            {
                throw new UsageException($"{where}: name: \"{name}\" is the name of an earlier group too");
            }

            result.Add(Group(directory, where, name, group));
        }

        return result;
    }

    private static FleetGroup Group(string directory, string where, string name, FleetFileGroup group)
    {
        var count = group.Count ?? throw new UsageException($"{where}: count: missing (how many stations)");
        if (count < 1)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{where}: count: {count} must be at least 1"));
        }

        LoadedStationConfig loaded;
        try
        {
            loaded = StationConfigLoader.Load(group.Config is null ? null : Path.Combine(directory, group.Config));
        }
        catch (ModelException ex)
        {
            throw new UsageException($"{where}: config: {ex.Message}");
        }

        var chaos = group.Chaos ?? new FleetFileChaos();
        var defaults = ChaosSettings.None;
        return new FleetGroup
        {
            Name = name,
            Model = FleetModel.Apply(loaded.Model, group.Connectors, Settings(where, group.Set), $"{where}: connectors", $"{where}: set", $"{where}: connectors/set"),
            EvPowerW = loaded.EvPowerW,
            Count = count,
            IdPrefix = group.IdPrefix ?? "SIM-",
            Atg = group.Atg ?? false,
            TxDuration = group.TxDuration is { } duration ? SecondsRange.Parse(duration, $"{where}: txDuration") : FleetGroup.DefaultTxDuration,
            TxPause = group.TxPause is { } pause ? SecondsRange.Parse(pause, $"{where}: txPause") : FleetGroup.DefaultTxPause,
            Chaos = new ChaosSettings
            {
                DisconnectsPerHour = ChaosSettings.Rate(chaos.Disconnects ?? 0, $"{where}: chaos.disconnects:"),
                Offline = chaos.Offline is { } offline ? SecondsRange.Parse(offline, $"{where}: chaos.offline") : defaults.Offline,
                PowerLossesPerHour = ChaosSettings.Rate(chaos.PowerLosses ?? 0, $"{where}: chaos.powerLosses:"),
                PowerOff = chaos.PowerOff is { } off ? SecondsRange.Parse(off, $"{where}: chaos.powerOff") : defaults.PowerOff,
            },
        };
    }

    // {"MeterValueSampleInterval": 10, "LocalPreAuthorize": true}: KEY=VALUE as --set takes them, a number or true/false written as the text of its value.
    private static List<string> Settings(string where, Dictionary<string, JsonElement>? set)
    {
        List<string> settings = [];
        foreach (var (key, value) in set ?? [])
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal))
            {
                throw new UsageException($"{where}: set: '{key}' is not a configuration key name");
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new UsageException($"{where}: set.{key}: {value.ValueKind.ToString().ToLowerInvariant()} is not a string, a number or true/false"),
            };
            settings.Add($"{key}={text}");
        }

        return settings;
    }
}
