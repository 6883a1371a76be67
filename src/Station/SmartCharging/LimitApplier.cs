using System.Globalization;
using Microsoft.Extensions.Logging;
using Station.Connectors;
using Station.Hardware;
using Station.Runtime;

namespace Station.SmartCharging;

/// <summary>
/// Applies the limit, not just stores it: gives each connector's power controller the composite
/// limit in force now (in A per phase, what the pilot signal offers) with the ChargePointMaxProfile
/// budget shared among the charging connectors (<see cref="StationShare"/>), holds a connector
/// SuspendedEVSE while its limit is 0 or below minChargingRate, and arms one deadline on the
/// station's clock for the next instant any limit changes. No polling: nothing runs between
/// boundaries unless the profiles or the transactions change.
/// </summary>
internal sealed class LimitApplier : IDisposable
{
    private readonly SmartChargingService _profiles;
    private readonly IReadOnlyList<IConnectorHardware> _hardware;
    private readonly IConnectorHolds _holds;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;
    private readonly StationTimer _boundary;
    private readonly ConnectorLimit?[] _applied;

    public LimitApplier(SmartChargingService profiles, IReadOnlyList<IConnectorHardware> hardware, IConnectorHolds holds, StationRuntime runtime)
    {
        _profiles = profiles;
        _hardware = hardware;
        _holds = holds;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.SmartCharging");
        _applied = new ConnectorLimit?[hardware.Count + 1];
        _boundary = runtime.CreateTimer("charging profile period boundary", ApplyAsync);
        profiles.Changed += Request;
        runtime.ClockJumped += _ => Request();
    }

    /// <summary>The limit applied to connector <paramref name="connectorId"/> (1..n), null before the first application.</summary>
    public ConnectorLimit? Applied(int connectorId) => _applied[connectorId];

    /// <summary>Recomputes every limit soon, under the station lock (after the change that asked has been answered).</summary>
    public void Request() => _runtime.RunLocked("apply charging limits", ApplyAsync);

    /// <summary>Recomputes and applies every connector's limit now and arms the next boundary. Runs under the station lock.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var now = _runtime.Clock.GetUtcNow();
        var situation = _profiles.Situation();
        var limits = Shared(situation, now);
        DateTimeOffset? next = null;
        for (var connectorId = 1; connectorId <= _hardware.Count; connectorId++)
        {
            var limit = limits[connectorId - 1];
            if (limit.NextChange is { } change && (next is null || change < next))
            {
                next = change;
            }

            if (_applied[connectorId] is { } previous && previous with { NextChange = limit.NextChange } == limit)
            {
                continue;
            }

            _applied[connectorId] = limit;
            var suspended = limit.FromProfile && limit.IsSuspended;
            SmartChargingLog.LimitApplied(
                _logger, connectorId, limit.FromProfile ? limit.Limit.ToString(CultureInfo.InvariantCulture) : "none", limit.NumberPhases, suspended ? ", power withheld" : "");
            if (_hardware[connectorId - 1].PowerController is { } controller)
            {
                // Below minChargingRate charging is inefficient (§7.13): nothing is offered rather than too little.
                double? offered = !limit.FromProfile ? null : suspended ? 0 : (double)limit.Limit;
                await controller.SetCurrentLimitAsync(offered, limit.NumberPhases, cancellationToken).ConfigureAwait(false);
            }

            _holds.SetPowerWithheld(connectorId, suspended);
        }

        if (next is { } at)
        {
            _boundary.Start(at - now);
        }
        else
        {
            _boundary.Stop();
        }
    }

    // Every connector's own composite limit, then the ChargePointMaxProfile budget shared among those that charge.
    private ConnectorLimit[] Shared(StationSituation situation, DateTimeOffset now)
    {
        var limits = new ConnectorLimit[_hardware.Count];
        for (var connectorId = 1; connectorId <= _hardware.Count; connectorId++)
        {
            limits[connectorId - 1] = InstantLimitCalculator.At(_profiles.Profiles, situation, connectorId, now);
        }

        if (InstantLimitCalculator.StationMaxAt(_profiles.Profiles, situation, now) is { } budget)
        {
            var charging = situation.Connectors.Select(c => c.Transaction is not null).ToList();
            var shares = StationShare.Divide(budget, [.. limits.Select(l => l.Limit)], charging);
            for (var i = 0; i < limits.Length; i++)
            {
                limits[i] = limits[i] with { Limit = shares[i] };
            }
        }

        return limits;
    }

    public void Dispose() => _boundary.Dispose();
}
