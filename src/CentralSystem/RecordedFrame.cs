using System.Text;
using Ocpp16.Framing;
using Ocpp16.Json;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace CentralSystem;

/// <summary>
/// One frame a session sent or received, exactly as it travelled, with what could be read from
/// it. <see cref="FrameDirection.Received"/> means Charge Point → Central System.
/// </summary>
public sealed class RecordedFrame
{
    private readonly OcppMessageType? _payloadType;
    private ParsedPayload? _parsed;

    private RecordedFrame(
        long sequence, string chargePointId, DateTimeOffset timestamp, FrameDirection direction, string text, FrameReadResult read, string? action, OcppMessageType? payloadType)
    {
        Sequence = sequence;
        ChargePointId = chargePointId;
        Timestamp = timestamp;
        Direction = direction;
        Text = text;
        MessageType = read.MessageType;
        MessageId = read.MessageId;
        Action = action;
        _payloadType = payloadType;
        if (read.IsValid)
        {
            ErrorCode = read.Frame.ErrorCode;
            ErrorDescription = read.Frame.ErrorDescription;
        }
        else
        {
            FrameError = read.Error;
        }
    }

    /// <summary>
    /// Reads a frame from its text, outside any session: for tools that format a stored trace.
    /// <paramref name="answeredAction"/> names the action of a CALLRESULT or CALLERROR, which
    /// the frame itself does not carry.
    /// </summary>
    public static RecordedFrame FromText(
        string chargePointId, FrameDirection direction, string text, DateTimeOffset timestamp, OcppAction? answeredAction = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = FrameReader.Read(Encoding.UTF8.GetBytes(text));
        var action = read.MessageType == MessageTypeId.Call
            ? (read.IsValid && OcppActions.TryGet(read.Frame.Action!, out var called) ? called : null)
            : answeredAction;
        return Create(0, chargePointId, timestamp, direction, text, read, action);
    }

    /// <summary>The frame with the payload type its action gives it; <paramref name="action"/> is null when unknown.</summary>
    internal static RecordedFrame Create(
        long sequence, string chargePointId, DateTimeOffset timestamp, FrameDirection direction, string text, FrameReadResult read, OcppAction? action)
    {
        var payloadType = !read.IsValid || action is null ? null
            : read.MessageType == MessageTypeId.Call ? action.Request
            : read.MessageType == MessageTypeId.CallResult ? action.Response
            : null;

        // A CALL of an action unknown to OCPP 1.6 still names it, for the record.
        var actionName = action?.Name ?? (read.IsValid && read.MessageType == MessageTypeId.Call ? read.Frame.Action : null);
        return new RecordedFrame(sequence, chargePointId, timestamp, direction, text, read, actionName, payloadType);
    }

    /// <summary>The position of the frame in its session, from 1; see <see cref="StationSession.LastSequence"/>.</summary>
    public long Sequence { get; }

    /// <summary>The charge point of the session.</summary>
    public string ChargePointId { get; }

    /// <summary>When the frame was recorded, by the server's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary><see cref="FrameDirection.Received"/> from the charge point, or <see cref="FrameDirection.Sent"/> to it.</summary>
    public FrameDirection Direction { get; }

    /// <summary>The raw frame text.</summary>
    public string Text { get; }

    /// <summary>CALL, CALLRESULT or CALLERROR; null when not even that could be read.</summary>
    public MessageTypeId? MessageType { get; }

    /// <summary>The message id, when it could be read.</summary>
    public string? MessageId { get; }

    /// <summary>
    /// The action of a CALL, or for a CALLRESULT or CALLERROR the action of the CALL it answers
    /// (null when that CALL is unknown to the session).
    /// </summary>
    public string? Action { get; }

    /// <summary>The error code of a CALLERROR, as sent.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error description of a CALLERROR.</summary>
    public string? ErrorDescription { get; }

    /// <summary>Why the frame is not a well-formed OCPP-J frame; null when it is one.</summary>
    public string? FrameError { get; }

    /// <summary>
    /// The payload as its typed message (for example <see cref="StartTransactionRequest"/>) when it
    /// binds to its action's schema; null for a CALLERROR, an unknown action or a broken payload
    /// (see <see cref="PayloadError"/>). Bound on first use, so recording stays cheap.
    /// </summary>
    public IOcppMessage? Payload => Parse().Message;

    /// <summary>Why the payload did not bind, when it did not.</summary>
    public PayloadError? PayloadError => Parse().Error;

    /// <summary>Whether this is a CALL travelling in <paramref name="direction"/>.</summary>
    public bool IsCall(FrameDirection direction) => MessageType == MessageTypeId.Call && Direction == direction;

    /// <summary>Whether this answers (CALLRESULT or CALLERROR) a CALL of <paramref name="action"/>.</summary>
    public bool IsAnswerTo(OcppAction action) =>
        MessageType is MessageTypeId.CallResult or MessageTypeId.CallError && string.Equals(Action, action.Name, StringComparison.Ordinal);

    /// <summary>The frame as one readable line, see <see cref="MessageFormatter"/>.</summary>
    public override string ToString() => MessageFormatter.Format(this);

    private ParsedPayload Parse()
    {
        if (Volatile.Read(ref _parsed) is { } parsed)
        {
            return parsed;
        }

        // A benign race: two readers may bind the same immutable payload; one result wins.
        Interlocked.CompareExchange(ref _parsed, Bind(), null);
        return _parsed!;
    }

    private ParsedPayload Bind()
    {
        if (_payloadType is null || FrameError is not null)
        {
            return ParsedPayload.None;
        }

        var read = FrameReader.Read(Encoding.UTF8.GetBytes(Text));
        return _payloadType.TryRead(read.Frame.Payload.Span, out var message, out var error)
            ? new ParsedPayload(message, null)
            : new ParsedPayload(null, error);
    }

    private sealed record ParsedPayload(IOcppMessage? Message, PayloadError? Error)
    {
        public static readonly ParsedPayload None = new(null, null);
    }
}
