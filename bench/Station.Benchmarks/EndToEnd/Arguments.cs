using System.Globalization;

namespace Station.Benchmarks.EndToEnd;

/// <summary>Reads <c>--name value</c> pairs; unknown names and bad numbers are usage errors. A name given twice keeps both values.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

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

            (_values.TryGetValue(name, out var values) ? values : _values[name] = []).Add(args[i + 1]);
        }
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, got '{text}'");
    }

    /// <summary>The last value of <paramref name="name"/>, if given.</summary>
    public string? Text(string name) => _values.TryGetValue(name, out var values) ? values[^1] : null;

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> Texts(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>The value of <paramref name="name"/>, which must be one of <paramref name="allowed"/> (the first when not given).</summary>
    public string Choice(string name, params string[] allowed)
    {
        var text = Text(name) ?? allowed[0];
        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new UsageException($"{name} must be {string.Join(" or ", allowed)}, got '{text}'");
    }
}
