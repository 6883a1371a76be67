using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;

namespace Station.IntegrationTests;

/// <summary>The reusable states of the certification test cases (test-cases.md §3), as steps.</summary>
internal static class Scenarios
{
    public const string ValidIdTag = "RFID_VALID1";
    public const string ValidIdTag2 = "RFID_VALID2";
    public const string InvalidIdTag = "RFID_INVALID";
    public const string ParentIdTag = "RFID_PARENT";

    /// <summary>The Central System of the certification cases: the two valid tags share a parent, the invalid one is refused.</summary>
    public static StationHarnessOptions CertificationOptions(Action<string> output, Dictionary<string, string>? configuration = null) => new()
    {
        Output = output,
        CentralSystem = new() { HeartbeatInterval = 60, DeniedIdTags = [InvalidIdTag], ParentIdTags = new Dictionary<string, string> { [ValidIdTag] = ParentIdTag, [ValidIdTag2] = ParentIdTag } },
        Configuration = configuration ?? new Dictionary<string, string>(),
    };

    /// <summary>The certification options with a one-connector model whose cable is detachable (a socket with a lock).</summary>
    public static StationHarnessOptions DetachableCableOptions(Action<string> output, Dictionary<string, string>? configuration = null) =>
        CertificationOptions(output, configuration) with
        {
            Model = Station.Model.StationModel.Tsct2007Cp with { Connectors = [new Station.Model.ConnectorModel { Type = "cType2", FixedCable = false }] },
        };

    /// <summary>Sets a configuration key the way the certification tool does, and checks it was accepted.</summary>
    public static async Task ConfigureAsync(this StationSession session, string key, string value)
    {
        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = key, Value = value }).OrTimeout();
        if (answer.Status != ConfigurationStatus.Accepted)
        {
            throw new InvalidOperationException($"ChangeConfiguration {key}={value} answered {answer.Status}");
        }
    }

    /// <summary>The next CALL of type <typeparamref name="T"/> after <paramref name="mark"/>.</summary>
    public static Task<T> Next<T>(this StationSession session, long mark, Func<T, bool>? predicate = null)
        where T : class, IOcppRequest =>
        session.WaitForCallAsync(mark, predicate).OrTimeout();

    /// <summary>The next StatusNotification of a connector with the given status after <paramref name="mark"/>.</summary>
    public static Task<StatusNotificationRequest> NextStatus(this StationSession session, long mark, int connectorId, ChargePointStatus status) =>
        session.WaitForCallAsync<StatusNotificationRequest>(mark, s => s.ConnectorId == connectorId && s.Status == status).OrTimeout();

    /// <summary>
    /// Reusable state "Charging" by local start: plug in, present <paramref name="idTag"/>, wait for
    /// StartTransaction and Charging; returns the transactionId the Central System assigned.
    /// </summary>
    public static async Task<int> StartChargingAsync(this StationHarness harness, StationSession session, string idTag = ValidIdTag, int connectorId = 1)
    {
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(connectorId).OrTimeout();
        await harness.Hardware.PresentCardAsync(idTag).OrTimeout();
        await session.Next<StartTransactionRequest>(mark, s => s.ConnectorId == connectorId && s.IdTag == idTag);
        await session.NextStatus(mark, connectorId, ChargePointStatus.Charging);
        return await TransactionIdAsync(harness, connectorId);
    }

    /// <summary>
    /// Reusable state "Charging" as the certification tool reaches it: plug in, RemoteStartTransaction,
    /// wait for StartTransaction and Charging; returns the transactionId.
    /// </summary>
    public static async Task<int> RemoteStartChargingAsync(this StationHarness harness, StationSession session, string idTag = ValidIdTag, int connectorId = 1)
    {
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(connectorId).OrTimeout();
        await session.NextStatus(mark, connectorId, ChargePointStatus.Preparing);
        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = connectorId, IdTag = idTag }).OrTimeout();
        if (answer.Status != RemoteStartStopStatus.Accepted)
        {
            throw new InvalidOperationException($"RemoteStartTransaction answered {answer.Status}");
        }

        await session.Next<StartTransactionRequest>(mark, s => s.ConnectorId == connectorId);
        await session.NextStatus(mark, connectorId, ChargePointStatus.Charging);
        return await TransactionIdAsync(harness, connectorId);
    }

    /// <summary>
    /// Memory state IdTagCached: a session with the tag, stopped by the same tag, cable removed;
    /// returns once the StopTransaction answer (which caches the tag too) has been applied.
    /// </summary>
    public static async Task CacheAsync(this StationHarness harness, StationSession session, string idTag)
    {
        await harness.StartChargingAsync(session, idTag);
        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(idTag).OrTimeout();
        await session.Next<StopTransactionRequest>(mark);
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
    }

    /// <summary>Waits until the station knows the Central System's id of the connector's transaction.</summary>
    public static async Task<int> TransactionIdAsync(this StationHarness harness, int connectorId = 1)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            var snapshot = await harness.Station.SnapshotAsync(timeout.Token);
            if (snapshot.Connectors[connectorId - 1].TransactionId is { } id)
            {
                return id;
            }

            await harness.Station.Outbox.WaitUntilDrainedAsync(timeout.Token);
        }
    }

    /// <summary>Waits for the first <paramref name="count"/> CALLs of type <typeparamref name="T"/> after <paramref name="mark"/>.</summary>
    public static async Task<IReadOnlyList<T>> CallsAsync<T>(this StationSession session, long mark, int count, Func<T, bool>? predicate = null)
        where T : class, IOcppRequest
    {
        var found = new List<T>();
        var position = mark;
        while (found.Count < count)
        {
            var frame = await session.WaitForFrameAsync(
                position,
                f => f.IsCall(Ocpp16.Rpc.FrameDirection.Received) && f.Payload is T call && (predicate?.Invoke(call) ?? true)).OrTimeout();
            found.Add((T)frame.Payload!);
            position = frame.Sequence;
        }

        return found;
    }

    /// <summary>The CALLs of type <typeparamref name="T"/> the station sent after <paramref name="mark"/>.</summary>
    public static IReadOnlyList<T> CallsSince<T>(this StationSession session, long mark)
        where T : class, IOcppRequest =>
        [.. session.Frames.Where(f => f.Sequence > mark && f.IsCall(Ocpp16.Rpc.FrameDirection.Received)).Select(f => f.Payload).OfType<T>()];
}
