using System.Globalization;

namespace Station.Benchmarks.EndToEnd;

/// <summary>Reads <c>--name value</c> pairs; unknown names and bad numbers are usage errors.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Arguments(string[] args, params string[] known)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new UsageException($"{name} needs a value");
            }

            _values[name] = args[i + 1];
        }
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, got '{text}'");
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);
}
