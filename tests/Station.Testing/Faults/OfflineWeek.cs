using System.Collections.Concurrent;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;

namespace Station.Testing.Faults;

/// <summary>
/// Issue 14 §5: a station that charges and meters offline for a long time, in virtual time: one
/// transaction an hour (plug, card, <see cref="ChargingTime"/> of charging with MeterValues every
/// sample interval, card, unplug), the network cut all along; then the network is back and the
/// queue drains against the built-in Central System, which assigns transaction ids in order and
/// records them. Used by the seven-days test and the <c>drain</c> benchmark.
/// </summary>
public sealed class OfflineWeek(int hours, TimeSpan sampleInterval)
{
    /// <summary>The back-off while offline: long, so a week is not a dial every second (the harness's cuttable default).</summary>
    public static readonly TimeSpan OfflineBackOff = TimeSpan.FromMinutes(10);

    private readonly ConcurrentQueue<(DateTimeOffset Timestamp, int TransactionId)> _assigned = new();
    private readonly ConcurrentQueue<IOcppRequest> _received = new();

    /// <summary>How long each hour's transaction charges.</summary>
    public static TimeSpan ChargingTime { get; } = TimeSpan.FromMinutes(45);

    /// <summary>The transactions played.</summary>
    public int Hours => hours;

    /// <summary>MeterValues of one transaction: one each sample interval while it charges.</summary>
    public int SamplesPerTransaction => (int)(ChargingTime / sampleInterval);

    /// <summary>The transaction messages the week queues: each transaction's StartTransaction, samples and StopTransaction.</summary>
    public int ExpectedQueue => hours * (2 + SamplesPerTransaction);

    /// <summary>The StartTransaction timestamps and the ids the Central System gave them, in the order it answered.</summary>
    public IReadOnlyList<(DateTimeOffset Timestamp, int TransactionId)> Assigned => [.. _assigned];

    /// <summary>Every transaction message the Central System answered (a MeterValues with a transactionId), in the order it came (its frame record keeps only the latest).</summary>
    public IReadOnlyList<IOcppRequest> Received => [.. _received];

    /// <summary>The harness options: a cuttable network, the sampling, offline starts for any card, and a Central System that records the ids it assigns.</summary>
    public StationHarnessOptions Configure(StationHarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = new Dictionary<string, string>(options.Configuration)
        {
            ["AllowOfflineTxForUnknownId"] = "true",
            ["MeterValueSampleInterval"] = ((int)sampleInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ClockAlignedDataInterval"] = "0",
        };
        return options with
        {
            CuttableNetwork = true,
            Configuration = configuration,
            ConfigureStation = o => (options.ConfigureStation?.Invoke(o) ?? o) with
            {
                Reconnect = new ReconnectPolicy { InitialDelay = OfflineBackOff, MaxDelay = OfflineBackOff, Jitter = 0 },
                MeterCheckpointInterval = TimeSpan.FromMinutes(15),
            },
            ScriptCentralSystem = (csms, clock) =>
            {
                csms.Handle(OcppActions.StartTransaction, (_, request) =>
                {
                    var id = csms.NextTransactionId();
                    _assigned.Enqueue((request.Timestamp, id));
                    _received.Enqueue(request);
                    return new StartTransactionResponse { TransactionId = id, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } };
                });
                csms.Handle(OcppActions.MeterValues, (_, request) =>
                {
                    if (request.TransactionId is not null)
                    {
                        _received.Enqueue(request);
                    }

                    return new MeterValuesResponse();
                });
                csms.Handle(OcppActions.StopTransaction, (_, request) =>
                {
                    _received.Enqueue(request);
                    return new StopTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } };
                });
                options.ScriptCentralSystem?.Invoke(csms, clock);
            },
        };
    }

    /// <summary>Cuts the network, then plays the transactions, an hour each, in virtual time.</summary>
    public async Task ChargeOfflineAsync(StationHarness harness, string idTag)
    {
        ArgumentNullException.ThrowIfNull(harness);
        await harness.GoOfflineAsync();
        for (var hour = 0; hour < hours; hour++)
        {
            await harness.Hardware.PlugAsync(1).OrTimeout();
            await harness.Hardware.PresentCardAsync(idTag).OrTimeout();
            await harness.AdvanceAsync(ChargingTime);
            await harness.Hardware.PresentCardAsync(idTag).OrTimeout();
            await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
            await harness.Hardware.UnplugAsync(1).OrTimeout();
            await harness.AdvanceAsync(TimeSpan.FromHours(1) - ChargingTime - TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Restores the network, lets the station's back-off pass, and waits (real time, <paramref name="bound"/>)
    /// until the queue is delivered; returns the session and the real time from connected to drained.
    /// </summary>
    public static async Task<(StationSession Online, TimeSpan Drain)> ReconnectAndDrainAsync(StationHarness harness, StationSession previous, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(harness);
        harness.Network!.Restore();
        var reconnected = harness.Csms.WaitForStationAsync(harness.ChargePointId, s => s != previous && s.IsConnected);
        for (var attempt = 0; !reconnected.IsCompleted; attempt++)
        {
            if (attempt == 3)
            {
                throw new TimeoutException("the station did not reconnect after the network came back");
            }

            // The back-off is constant: a whole back-off from now passes the re-dial; then wait (real time) for its outcome,
            // with the clock standing still, so nothing runs ahead of the dial or of the queue draining after it.
            await Task.WhenAny(reconnected, harness.Clock.WaitForTimerWithinAsync(OfflineBackOff)).OrTimeout();
            if (reconnected.IsCompleted)
            {
                break;
            }

            var failed = harness.Logs.WaitForAsync(e => e.EventId.Id == 110 && e.Category.StartsWith("Station", StringComparison.Ordinal), harness.Logs.Count);
            harness.Clock.Advance(OfflineBackOff);
            await Task.WhenAny(reconnected, failed).OrTimeout();
        }

        var online = await reconnected;
        var started = TimeProvider.System.GetTimestamp();
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).WaitAsync(bound, TimeProvider.System);
        return (online, TimeProvider.System.GetElapsedTime(started));
    }

    /// <summary>The bytes of the station's SQLite files (the database and its WAL).</summary>
    public static long DatabaseBytes(string dataDirectory) =>
        new DirectoryInfo(dataDirectory).EnumerateFiles("*", SearchOption.TopDirectoryOnly)
            .Where(f => f.Name.StartsWith(Station.Storage.Sqlite.StationDatabase.FileName, StringComparison.Ordinal))
            .Sum(f => f.Length);
}
