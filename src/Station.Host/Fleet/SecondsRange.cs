using System.Globalization;

namespace Station.Host.Fleet;

/// <summary>A range of seconds written <c>MIN-MAX</c> (or one number), drawn from uniformly.</summary>
internal readonly record struct SecondsRange(double Min, double Max)
{
    /// <summary>Parses <c>30-60</c> or <c>45</c>; a problem is a usage error naming <paramref name="option"/>.</summary>
    public static SecondsRange Parse(string text, string option)
    {
        var parts = text.Split('-', 2);
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !double.TryParse(parts.Length == 2 ? parts[1] : parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            || min < 0 || max < min || max > 86_400 * 7)
        {
            throw new UsageException($"{option} '{text}' is not MIN-MAX seconds with 0 <= MIN <= MAX (for example 30-60)");
        }

        return new SecondsRange(min, max);
    }

    /// <summary>A duration drawn uniformly from the range.</summary>
    public TimeSpan Draw(Random random) => TimeSpan.FromSeconds(Min + (random.NextDouble() * (Max - Min)));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
