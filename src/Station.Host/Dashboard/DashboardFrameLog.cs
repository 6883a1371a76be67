using System.Text;
using System.Text.Json;
using CentralSystem.Web;
using Ocpp16.Framing;
using Ocpp16.Rpc;
using Ocpp16.Security;

namespace Station.Host.Dashboard;

/// <summary>
/// Sees every frame of every instance of the station (a reboot starts a new one), keeps the
/// latest <see cref="Capacity"/> for a page that opens later, and publishes each as a
/// <c>frame</c> event. An answer is named after the CALL it answers, which travelled the other way.
/// </summary>
internal sealed class DashboardFrameLog(EventStream stream, TimeProvider timeProvider) : IFrameObserver
{
    /// <summary>How many of the latest frames are kept for <c>GET /frames</c> and a new page.</summary>
    public const int Capacity = 500;

    /// <summary>Longer frames (a large GetConfiguration answer, a hostile 1 MiB frame) are cut for the page.</summary>
    public const int MaxTextChars = 16 * 1024;

    // OCPP-J allows one outstanding CALL per side; a peer that never answers must not grow these.
    private const int MaxUnanswered = 64;

    private readonly Lock _lock = new();
    private readonly Queue<DashboardFrame> _frames = new();
    private readonly Dictionary<string, string> _sentCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _receivedCalls = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Raised after each frame (outside the lock): a frame usually means the state changed.</summary>
    public event Action? FrameSeen;

    /// <summary>The kept frames, oldest first.</summary>
    public IReadOnlyList<DashboardFrame> Latest()
    {
        lock (_lock)
        {
            return [.. _frames];
        }
    }

    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        // The span is the connection's buffer, reused after this call.
        var bytes = frame.ToArray();
        var read = FrameReader.Read(bytes);
        var text = SecretText.Redact(Encoding.UTF8.GetString(bytes));
        var truncated = text.Length > MaxTextChars;
        lock (_lock)
        {
            var recorded = new DashboardFrame(
                ++_sequence,
                timeProvider.GetUtcNow(),
                direction == FrameDirection.Sent ? "sent" : "received",
                NameAction(direction, read),
                TypeOf(read),
                truncated ? text[..MaxTextChars] : text,
                truncated);
            if (_frames.Count == Capacity)
            {
                _frames.Dequeue();
            }

            _frames.Enqueue(recorded);

            // Published under the lock, so the page sees frames in sequence order.
            if (stream.HasSubscribers)
            {
                stream.Publish("frame", JsonSerializer.Serialize(recorded, DashboardJsonContext.Relaxed.DashboardFrame));
            }
        }

        FrameSeen?.Invoke();
    }

    private static string TypeOf(FrameReadResult read) => read.MessageType switch
    {
        MessageTypeId.Call when read.IsValid => "CALL",
        MessageTypeId.CallResult when read.IsValid => "CALLRESULT",
        MessageTypeId.CallError when read.IsValid => "CALLERROR",
        _ => "malformed",
    };

    private string? NameAction(FrameDirection direction, FrameReadResult read)
    {
        if (read.MessageId is not { } id)
        {
            return null;
        }

        var thisWay = direction == FrameDirection.Sent ? _sentCalls : _receivedCalls;
        var otherWay = direction == FrameDirection.Sent ? _receivedCalls : _sentCalls;
        if (read.MessageType == MessageTypeId.Call)
        {
            if (!read.IsValid || read.Frame.Action is not { } action)
            {
                return null;
            }

            if (thisWay.Count >= MaxUnanswered)
            {
                thisWay.Clear();
            }

            thisWay[id] = action;
            return action;
        }

        return otherWay.Remove(id, out var answered) ? answered : null;
    }
}
