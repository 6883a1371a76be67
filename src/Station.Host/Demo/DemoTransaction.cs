using Ocpp16.Messages;

namespace Station.Host.Demo;

/// <summary>One transaction of the demo, as the station reported it to the Central System.</summary>
/// <param name="TransactionId">The Central System's id from the StartTransaction answer.</param>
/// <param name="ConnectorId">The connector.</param>
/// <param name="IdTag">The identifier that started it.</param>
/// <param name="StartedRemotely">True when a RemoteStartTransaction for its idTag preceded it, false for a card.</param>
/// <param name="MeterStartWh">meterStart of the StartTransaction.</param>
/// <param name="MeterStopWh">meterStop of the StopTransaction; null while it has not stopped.</param>
/// <param name="Duration">From the StartTransaction's timestamp to the StopTransaction's.</param>
/// <param name="StopReason">The reason of the StopTransaction (absent on the wire means Local).</param>
/// <param name="MeterValues">The MeterValues sent during the transaction.</param>
public sealed record DemoTransaction(
    int TransactionId, int ConnectorId, string IdTag, bool StartedRemotely, int MeterStartWh, int? MeterStopWh, TimeSpan? Duration, Reason? StopReason, int MeterValues)
{
    /// <summary>Whether a StopTransaction was sent.</summary>
    public bool Stopped => MeterStopWh is not null;

    /// <summary>The energy delivered: meterStop − meterStart, 0 while running.</summary>
    public int EnergyWh => MeterStopWh is { } stop ? stop - MeterStartWh : 0;
}
