using System.Globalization;
using System.Text.Json;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace CentralSystem.Api;

/// <summary>
/// What one charge point id has told the Central System, kept across its reconnections (a
/// transaction outlives a dropped connection): the last BootNotification and the registration
/// answered, each connector's last status, and the open transactions. Fed with every frame of
/// the id's sessions, in order.
/// </summary>
internal sealed class StationState(string chargePointId)
{
    // OCPP-J allows one outstanding CALL per side; a station whose StartTransaction answers never
    // come back must not grow the table.
    private const int MaxPendingStarts = 16;

    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, ConnectorBody> _connectors = [];
    private readonly SortedDictionary<int, TransactionBody> _transactions = [];
    private readonly Dictionary<string, StartTransactionRequest> _pendingStarts = new(StringComparer.Ordinal);
    private StationSession? _session;
    private JsonElement? _bootNotification;
    private DateTimeOffset? _bootedAt;
    private RegistrationStatus? _registration;

    public string ChargePointId { get; } = chargePointId;

    /// <summary>The newest session of the id, connected or not.</summary>
    public StationSession? Session
    {
        get
        {
            lock (_lock)
            {
                return _session;
            }
        }
    }

    public bool IsConnected => Session is { IsConnected: true };

    public void Connected(StationSession session)
    {
        lock (_lock)
        {
            _session = session;
            _pendingStarts.Clear();
        }
    }

    /// <summary>True when <paramref name="session"/> was the newest one: the station is now disconnected.</summary>
    public bool Disconnected(StationSession session)
    {
        lock (_lock)
        {
            return _session == session;
        }
    }

    /// <summary>Takes what the frame says about the station; true when that changed its state.</summary>
    public bool Apply(RecordedFrame frame)
    {
        // Only these frames change what is shown; the others are not even bound (a Heartbeat stays cheap).
        if (frame.Action is not ("BootNotification" or "StatusNotification" or "StartTransaction" or "StopTransaction" or "MeterValues")
            || frame.FrameError is not null)
        {
            return false;
        }

        lock (_lock)
        {
            return (frame.Direction, frame.MessageType) switch
            {
                (FrameDirection.Received, MessageTypeId.Call) => ApplyCall(frame),
                (FrameDirection.Sent, MessageTypeId.CallResult) => ApplyAnswer(frame),
                (FrameDirection.Sent, MessageTypeId.CallError) => frame.MessageId is { } id && _pendingStarts.Remove(id),
                _ => false,
            };
        }
    }

    public StationBody ToBody()
    {
        StationSession session;
        JsonElement? bootNotification;
        DateTimeOffset? bootedAt;
        RegistrationStatus? registration;
        ConnectorBody[] connectors;
        TransactionBody[] transactions;
        lock (_lock)
        {
            (session, bootNotification, bootedAt, registration) = (_session!, _bootNotification, _bootedAt, _registration);
            (connectors, transactions) = ([.. _connectors.Values], [.. _transactions.Values]);
        }

        // The session is read outside this lock: a frame being recorded holds the session's record
        // lock while it takes this one, so taking them the other way round could deadlock.
        return new StationBody(
            ChargePointId,
            session.IsConnected,
            session.ConnectedAt,
            session.RemoteAddress?.ToString(),
            session.LastSequence,
            bootNotification,
            bootedAt,
            registration,
            connectors,
            transactions);
    }

    private bool ApplyCall(RecordedFrame frame)
    {
        switch (frame.Payload)
        {
            case BootNotificationRequest:
                _bootNotification = CallPayload(frame.Text);
                _bootedAt = frame.Timestamp;
                return true;
            case StatusNotificationRequest status:
                _connectors[status.ConnectorId] = new ConnectorBody(
                    status.ConnectorId, status.Status, status.ErrorCode, status.Info, status.VendorErrorCode, status.Timestamp ?? frame.Timestamp);
                return true;
            case StartTransactionRequest start when frame.MessageId is { } messageId:
                if (_pendingStarts.Count >= MaxPendingStarts)
                {
                    _pendingStarts.Clear();
                }

                _pendingStarts[messageId] = start;
                return false;
            case StopTransactionRequest stop:
                return _transactions.Remove(stop.TransactionId);
            case MeterValuesRequest { TransactionId: { } transactionId } meterValues
                when _transactions.TryGetValue(transactionId, out var transaction) && EnergyWh(meterValues) is { } energy:
                _transactions[transactionId] = transaction with { MeterWh = energy };
                return true;
            default:
                return false;
        }
    }

    private bool ApplyAnswer(RecordedFrame frame)
    {
        switch (frame.Payload)
        {
            case BootNotificationResponse boot:
                _registration = boot.Status;
                return true;
            case StartTransactionResponse answer when frame.MessageId is { } messageId && _pendingStarts.Remove(messageId, out var start):
                _transactions[answer.TransactionId] = new TransactionBody(
                    answer.TransactionId, start.ConnectorId, start.IdTag, start.MeterStart, start.Timestamp, answer.IdTagInfo.Status, null);
                return true;
            default:
                return false;
        }
    }

    // The payload exactly as the station sent it: element 3 of [2, id, action, payload].
    private static JsonElement CallPayload(string frameText)
    {
        using var document = JsonDocument.Parse(frameText);
        return document.RootElement[3].Clone();
    }

    // The register reading of the latest sample: a measurand left out is Energy.Active.Import.Register (OCPP 1.6 §7.31).
    private static double? EnergyWh(MeterValuesRequest request)
    {
        double? energy = null;
        foreach (var sampledValue in request.MeterValue.SelectMany(meterValue => meterValue.SampledValue))
        {
            if ((sampledValue.Measurand ?? Measurand.EnergyActiveImportRegister) == Measurand.EnergyActiveImportRegister
                && sampledValue.Phase is null
                && sampledValue.Format != ValueFormat.SignedData
                && double.TryParse(sampledValue.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                energy = sampledValue.Unit == UnitOfMeasure.KWh ? value * 1000 : value;
            }
        }

        return energy;
    }
}
