namespace Station.Benchmarks.Fleet;

/// <summary>
/// The schedule of issue 13's figures and the message rate it implies per station: 2 connectors,
/// transactions of 30–60 s with pauses of 5–15 s, MeterValues every 10 s with four measurands,
/// Heartbeat every 60 s (the built-in Central System's BootNotification interval).
/// </summary>
internal static class FleetSchedule
{
    public const int Connectors = 2;
    public const double TxMinSeconds = 30, TxMaxSeconds = 60, PauseMinSeconds = 5, PauseMaxSeconds = 15;
    public const int MeterValueSampleInterval = 10;
    public const int HeartbeatInterval = 60;
    public const string Measurands = "Energy.Active.Import.Register,Power.Active.Import,Voltage,Current.Import";

    /// <summary>
    /// The CALLs of one cycle besides MeterValues: StatusNotification Preparing (plug), Authorize
    /// (a new card each cycle), StartTransaction, StatusNotification Charging, StopTransaction (the
    /// same card: no second Authorize), StatusNotification Finishing, StatusNotification Available (unplug).
    /// </summary>
    public const int CallsPerCycleBesidesMeterValues = 7;

    /// <summary>The fleet options that make the schedule (the rest are the fleet's defaults).</summary>
    public static IReadOnlyList<string> FleetArguments =>
    [
        "--atg", "--connectors", "2", "--tx-duration", $"{TxMinSeconds:0}-{TxMaxSeconds:0}", "--tx-pause", $"{PauseMinSeconds:0}-{PauseMaxSeconds:0}",
        "--set", $"MeterValueSampleInterval={MeterValueSampleInterval}", "--set", $"MeterValuesSampledData={Measurands}",
    ];

    /// <summary>
    /// MeterValues of a transaction of uniformly drawn length: one per whole interval elapsed
    /// while it runs, E[floor(d / interval)] for d uniform in [min, max].
    /// </summary>
    public static double MeterValuesPerTransaction
    {
        get
        {
            // The integral of floor(d / i) over [min, max], divided by the range's width.
            double sum = 0;
            for (var d = TxMinSeconds; d < TxMaxSeconds;)
            {
                var next = Math.Min(TxMaxSeconds, (Math.Floor(d / MeterValueSampleInterval) + 1) * MeterValueSampleInterval);
                sum += Math.Floor(d / MeterValueSampleInterval) * (next - d);
                d = next;
            }

            return sum / (TxMaxSeconds - TxMinSeconds);
        }
    }

    /// <summary>The CALLs per second one station sends when every answer comes at once: each connector's cycles plus its Heartbeats.</summary>
    public static double CallsPerStationSecond
    {
        get
        {
            var cycle = (TxMinSeconds + TxMaxSeconds) / 2 + (PauseMinSeconds + PauseMaxSeconds) / 2;
            var perConnector = (CallsPerCycleBesidesMeterValues + MeterValuesPerTransaction) / cycle;
            return Connectors * perConnector + 1.0 / HeartbeatInterval;
        }
    }
}
