namespace Station.Hardware.Simulated;

/// <summary>
/// The simulated pilot signal: remembers the current offered, and the simulated EV draws no more
/// than that (<see cref="SimulatedConnector.CurrentPowerW"/>).
/// </summary>
public sealed class SimulatedPowerController : IPowerController
{
    private readonly Action _changing;
    private volatile Offer? _offer;

    internal SimulatedPowerController(Action changing) => _changing = changing;

    /// <summary>The current per phase offered; null when nothing limits it below the connector's rating.</summary>
    public double? LimitA => _offer?.AmperesPerPhase;

    /// <summary>The phases the offer allows; null when nothing limits it.</summary>
    public int? Phases => _offer?.Phases;

    /// <inheritdoc/>
    public ValueTask SetCurrentLimitAsync(double? amperesPerPhase, int phases, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amperesPerPhase ?? 0, nameof(amperesPerPhase));
        var offer = amperesPerPhase is { } amperes ? new Offer(amperes, Math.Clamp(phases, 1, 3)) : null;
        if (offer != _offer)
        {
            // Book the energy at the old power before the power changes.
            _changing();
            _offer = offer;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The most the EV may draw through a connector of <paramref name="voltage"/> V and <paramref name="connectorPhases"/> phases, in W.</summary>
    internal double MaxPowerW(double voltage, int connectorPhases) =>
        _offer is { } offer ? offer.AmperesPerPhase * voltage * Math.Min(offer.Phases, connectorPhases) : double.PositiveInfinity;

    private sealed record Offer(double AmperesPerPhase, int Phases);
}
