using System.Globalization;

namespace Station.Host.Fleet;

/// <summary>
/// A group's chaos: random network drops and power losses, each a Poisson process at a rate per
/// station-hour, the outage drawn from its range. Both off by default.
/// </summary>
internal sealed record ChaosSettings
{
    /// <summary>The highest rate accepted: one event a second per station.</summary>
    public const double MaxPerHour = 3600;

    public static ChaosSettings None { get; } = new();

    /// <summary>Network drops per station-hour (<c>--chaos-disconnects</c>).</summary>
    public double DisconnectsPerHour { get; init; }

    /// <summary>How long the network stays down (<c>--chaos-offline</c>).</summary>
    public SecondsRange Offline { get; init; } = new(5, 60);

    /// <summary>Power losses per station-hour (<c>--chaos-power-losses</c>).</summary>
    public double PowerLossesPerHour { get; init; }

    /// <summary>How long the power stays off (<c>--chaos-power-off</c>).</summary>
    public SecondsRange PowerOff { get; init; } = new(5, 30);

    public bool IsOn => DisconnectsPerHour > 0 || PowerLossesPerHour > 0;

    /// <summary>A rate as written by a user; a problem is a usage error naming <paramref name="where"/>.</summary>
    public static double Rate(double value, string where) =>
        value is >= 0 and <= MaxPerHour
            ? value
            : throw new UsageException(string.Create(
                CultureInfo.InvariantCulture, $"{where} {value} must be a rate per station-hour from 0 (off) to {MaxPerHour}"));

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"chaos {DisconnectsPerHour}/h disconnects offline {Offline} s, {PowerLossesPerHour}/h power losses off {PowerOff} s");
}
