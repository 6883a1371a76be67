using System.Diagnostics;
using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Transactions;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Drives one booted station from the Central System's side and times it: each figure is warmed up,
/// then measured over the given number of runs. Every answer is checked; an unexpected one fails
/// the run rather than producing a number.
/// </summary>
internal sealed class LatencyRig(StationSession session, BenchStation station, TimedTransactionStore store, FrameProbe probe, LatencyOptions options)
{
    private const string Response = "response to a Central System request (CallAsync round trip)";
    private const string Transactions = "remote transaction control (request sent → station's request received)";
    private const string Triggers = "TriggerMessage (request sent → triggered request received)";
    private const string IdTag = "BENCH0001";
    private const int ConnectorId = 1;

    /// <summary>
    /// TriggerMessage → the triggered request. Extension point: one line per message to measure.
    /// While the station answers TriggerMessage with NotSupported, these rows say so instead of a figure.
    /// </summary>
    private static readonly (string Name, TriggerMessageRequest Request, string TriggeredAction)[] TriggerFigures =
    [
        ("Heartbeat", new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat }, "Heartbeat"),
        ("StatusNotification", new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = ConnectorId }, "StatusNotification"),
        ("MeterValues", new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = ConnectorId }, "MeterValues"),
    ];

    private readonly Breakdown _startParts = new("RemoteStartTransaction → StartTransaction.req");
    private readonly Breakdown _stopParts = new("RemoteStopTransaction → StopTransaction.req");

    /// <summary>Where the time of the remote start and stop figures went, per run.</summary>
    public IReadOnlyList<Breakdown> Breakdowns => [_startParts, _stopParts];

    public async Task<IReadOnlyList<FigureResult>> MeasureRequestsAsync()
    {
        var results = new List<FigureResult>
        {
            await RequestAsync("GetConfiguration (1 key)", async _ =>
            {
                var answer = await session.CallAsync(new GetConfigurationRequest { Key = ["HeartbeatInterval"] });
                Expect(answer.ConfigurationKey is [{ Key: "HeartbeatInterval" }] && answer.UnknownKey is null, "GetConfiguration of one key", answer);
            }),
            await RequestAsync("GetConfiguration (all keys)", async _ =>
            {
                var answer = await session.CallAsync(new GetConfigurationRequest());
                Expect(answer.ConfigurationKey is { Count: >= 24 } && answer.UnknownKey is null, "GetConfiguration of all keys", answer);
            }),

            // A value that changes every run, so every run validates, persists (SQLite commit) and applies it.
            await RequestAsync("ChangeConfiguration (persisted)", async run =>
            {
                var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = "LightIntensity", Value = run % 2 == 0 ? "90" : "100" });
                Expect(answer.Status == ConfigurationStatus.Accepted, "ChangeConfiguration", answer);
            }),

            // Inoperative and Operative in turn: persisted, and a StatusNotification follows each one.
            await RequestAsync("ChangeAvailability (persisted)", async run =>
            {
                var answer = await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = ConnectorId, Type = run % 2 == 0 ? AvailabilityType.Inoperative : AvailabilityType.Operative });
                Expect(answer.Status == AvailabilityStatus.Accepted, "ChangeAvailability", answer);
            }),
            await RequestAsync("ClearCache", async _ =>
            {
                var answer = await session.CallAsync(new ClearCacheRequest());
                Expect(answer.Status == ClearCacheStatus.Accepted, "ClearCache", answer);
            }),
            await RequestAsync("DataTransfer (vendor echo)", async run =>
            {
                var data = $"run {run}";
                var answer = await session.CallAsync(new DataTransferRequest { VendorId = EchoVendor.Id, Data = data });
                Expect(answer.Status == DataTransferStatus.Accepted && answer.Data == data, "DataTransfer", answer);
            }),

            // The TSCT-2007CP has a fixed cable: NotSupported is its correct answer (TC_017_2).
            await RequestAsync("UnlockConnector (fixed cable)", async _ =>
            {
                var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = ConnectorId });
                Expect(answer.Status == UnlockStatus.NotSupported, "UnlockConnector", answer);
            }),
        };

        // Leave the station as the transaction figures need it.
        var restore = await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = ConnectorId, Type = AvailabilityType.Operative });
        Expect(restore.Status == AvailabilityStatus.Accepted, "ChangeAvailability", "restore");
        Expect((await session.CallAsync(new ChangeConfigurationRequest { Key = "LightIntensity", Value = "100" })).Status == ConfigurationStatus.Accepted, "ChangeConfiguration", "restore");
        return results;
    }

    /// <summary>
    /// One whole charging session per run: plug in, RemoteStartTransaction, StartTransaction
    /// confirmed, RemoteStopTransaction, StopTransaction delivered, unplug. Only the two remote
    /// requests are timed; the station is quiet (every StatusNotification answered) before each.
    /// </summary>
    public async Task<IReadOnlyList<FigureResult>> MeasureTransactionsAsync()
    {
        var startAnswers = new List<double>();
        var stopAnswers = new List<double>();
        var starts = new List<double>();
        var stops = new List<double>();
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var cycle = await CycleAsync(measured: run >= options.Warmup);
            if (run >= options.Warmup)
            {
                startAnswers.Add(cycle.StartAnswer);
                starts.Add(cycle.Start);
                stopAnswers.Add(cycle.StopAnswer);
                stops.Add(cycle.Stop);
            }
        }

        return
        [
            FigureResult.Measured(Response, "RemoteStartTransaction (answer)", LabFigure.Response, startAnswers),
            FigureResult.Measured(Response, "RemoteStopTransaction (answer)", LabFigure.Response, stopAnswers),
            FigureResult.Measured(Transactions, "RemoteStartTransaction → StartTransaction.req", LabFigure.RemoteStart, starts),
            FigureResult.Measured(Transactions, "RemoteStopTransaction → StopTransaction.req", LabFigure.RemoteStop, stops),
        ];
    }

    public async Task<IReadOnlyList<FigureResult>> MeasureTriggersAsync()
    {
        var results = new List<FigureResult>();
        foreach (var (name, request, triggeredAction) in TriggerFigures)
        {
            results.Add(await TriggerAsync($"TriggerMessage({name}) → {triggeredAction}.req", request, triggeredAction));
        }

        return results;
    }

    private async Task<FigureResult> RequestAsync(string name, Func<int, Task> once)
    {
        var samples = new List<double>(options.Runs);
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var start = Stopwatch.GetTimestamp();
            await once(run).Bounded(name);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (run >= options.Warmup)
            {
                samples.Add(elapsed);
            }
        }

        return FigureResult.Measured(Response, name, LabFigure.Response, samples);
    }

    private async Task<(double StartAnswer, double Start, double StopAnswer, double Stop)> CycleAsync(bool measured)
    {
        var position = session.LastSequence;
        await station.Hardware.PlugAsync(ConnectorId);
        await QuietAfterStatusAsync(position, ChargePointStatus.Preparing);

        // RemoteStartTransaction → StartTransaction.req
        position = session.LastSequence;
        var startDelivered = NextDelivery(OcppActions.StartTransaction.Name);
        var (start, startAnswer) = await TimeRemoteAsync(
            () => session.CallAsync(new RemoteStartTransactionRequest { IdTag = IdTag, ConnectorId = ConnectorId }),
            OcppActions.RemoteStartTransaction.Name,
            OcppActions.StartTransaction.Name,
            answer => answer.Status == RemoteStartStopStatus.Accepted,
            measured ? _startParts : null);
        await startDelivered.Bounded("the StartTransaction to be confirmed");
        await QuietAfterStatusAsync(position, ChargePointStatus.Charging);
        var transactionId = (await station.ChargePoint.SnapshotAsync()).Connectors[ConnectorId - 1].TransactionId
            ?? throw new BenchmarkFailedException("the confirmed transaction has no transactionId");

        // RemoteStopTransaction → StopTransaction.req
        position = session.LastSequence;
        var stopDelivered = NextDelivery(OcppActions.StopTransaction.Name);
        var (stop, stopAnswer) = await TimeRemoteAsync(
            () => session.CallAsync(new RemoteStopTransactionRequest { TransactionId = transactionId }),
            OcppActions.RemoteStopTransaction.Name,
            OcppActions.StopTransaction.Name,
            answer => answer.Status == RemoteStartStopStatus.Accepted,
            measured ? _stopParts : null);
        await stopDelivered.Bounded("the StopTransaction to be delivered");
        await QuietAfterStatusAsync(position, ChargePointStatus.Finishing);

        position = session.LastSequence;
        await station.Hardware.UnplugAsync(ConnectorId);
        await QuietAfterStatusAsync(position, ChargePointStatus.Available);
        return (startAnswer, start, stopAnswer, stop);
    }

    // Sends a remote request and times it twice: until its answer, and until the station's request it
    // causes is recorded at the Central System. With parts, also records how much of that was SQLite.
    private async Task<(double Caused, double Answer)> TimeRemoteAsync<TResponse>(
        Func<Task<TResponse>> call, string remoteAction, string causedAction, Func<TResponse, bool> accepted, Breakdown? parts)
        where TResponse : class, IOcppResponse
    {
        store.Take();
        var answerRecorded = probe.Arm(FrameProbe.AnswerTo(remoteAction));
        var causedRecorded = probe.Arm(FrameProbe.CallOf(causedAction));
        var sent = Stopwatch.GetTimestamp();
        var answer = await Checked(call(), remoteAction);
        var answered = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        Expect(accepted(answer), remoteAction, answer);
        var answerAt = await answerRecorded.Bounded($"the answer to {remoteAction}");
        var causedAt = await causedRecorded.Bounded($"{causedAction}.req");
        var caused = Stopwatch.GetElapsedTime(sent, causedAt).TotalMilliseconds;
        if (parts is not null)
        {
            var storeCalls = store.Take().Where(c => c.Start >= sent && c.End <= causedAt).ToList();
            var reads = storeCalls.Where(c => c.Method is nameof(ITransactionStore.Peek) or nameof(ITransactionStore.FindTransactionId) or nameof(ITransactionStore.Count)).Sum(c => c.Milliseconds);
            var writes = storeCalls.Sum(c => c.Milliseconds) - reads;
            parts.Add($"total: sent → {causedAction}.req recorded", caused);
            parts.Add("  sent → its answer recorded", Stopwatch.GetElapsedTime(sent, answerAt).TotalMilliseconds);
            parts.Add("  SQLite write: journal + outbox (one commit, fsync)", writes);
            parts.Add("  SQLite reads: outbox peek, transactionId", reads);
            parts.Add("  everything but SQLite (network, threads, lock, codec)", caused - writes - reads);
        }

        return (caused, answered);
    }

    private async Task<FigureResult> TriggerAsync(string name, TriggerMessageRequest request, string triggeredAction)
    {
        var samples = new List<double>(options.Runs);
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var position = session.LastSequence;
            var arrived = probe.Arm(FrameProbe.CallOf(triggeredAction));
            var sent = Stopwatch.GetTimestamp();
            TriggerMessageResponse answer;
            try
            {
                answer = await session.CallAsync(request).Bounded(name);
            }
            catch (OcppCallErrorException ex) when (ex.ErrorCode is OcppErrorCode.NotSupported or OcppErrorCode.NotImplemented)
            {
                probe.Disarm();
                return new FigureResult(Triggers, name, LabFigure.TriggerMessage, null, $"not measured: the station answers TriggerMessage with {ex.RawErrorCode} (not implemented yet)");
            }

            if (answer.Status != TriggerMessageStatus.Accepted)
            {
                probe.Disarm();
                return new FigureResult(Triggers, name, LabFigure.TriggerMessage, null, $"not measured: the station answers {answer.Status}");
            }

            var elapsed = Stopwatch.GetElapsedTime(sent, await arrived.Bounded($"the triggered {triggeredAction}")).TotalMilliseconds;
            await session.WaitForFrameAsync(position, f => f.Direction == FrameDirection.Sent && f.Action == triggeredAction && f.MessageType == MessageTypeId.CallResult)
                .Bounded($"the answer to the triggered {triggeredAction}");
            if (run >= options.Warmup)
            {
                samples.Add(elapsed);
            }
        }

        return FigureResult.Measured(Triggers, name, LabFigure.TriggerMessage, samples);
    }

    // Waits until the station reported the status and the Central System answered it: nothing is in flight.
    private async Task QuietAfterStatusAsync(long afterSequence, ChargePointStatus status)
    {
        var reported = await session.WaitForFrameAsync(
            afterSequence,
            f => f.Payload is StatusNotificationRequest { ConnectorId: ConnectorId } s && s.Status == status)
            .Bounded($"StatusNotification {status}");
        await session.WaitForFrameAsync(reported.Sequence, f => f.MessageId == reported.MessageId && f.Direction == FrameDirection.Sent)
            .Bounded($"the answer to StatusNotification {status}");
    }

    // Completes when the station's outbox has delivered (and the station processed the answer to) a message of the action.
    private Task NextDelivery(string action)
    {
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = station.ChargePoint.Outbox;
        void OnDelivered(string deliveredAction)
        {
            if (deliveredAction == action)
            {
                outbox.Delivered -= OnDelivered;
                delivered.TrySetResult();
            }
        }

        outbox.Delivered += OnDelivered;
        return delivered.Task;
    }

    private async Task<T> Checked<T>(Task<T> call, string what)
    {
        try
        {
            return await call.Bounded(what);
        }
        catch (OcppException ex)
        {
            probe.Disarm();
            throw new BenchmarkFailedException($"{what} failed: {ex.Message}");
        }
    }

    private static void Expect(bool condition, string what, object answer)
    {
        if (!condition)
        {
            throw new BenchmarkFailedException($"unexpected answer to {what}: {answer}");
        }
    }
}
