using System.Text;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Security;

namespace CentralSystem;

/// <summary>
/// One readable line per frame, for the <c>csms</c> command, the demo and test failure messages:
/// <c>cp001 → StartTransaction connectorId=1 idTag=ABC123 meterStart=0</c>. The arrow shows which
/// way the frame travelled: → from the charge point, ← to it. Answers are named after the CALL
/// they answer (<c>StartTransaction.conf</c>, <c>StartTransaction CALLERROR</c>).
/// </summary>
public static class MessageFormatter
{
    // Raw text shown for frames that cannot be read: enough to recognise, short enough for a line.
    private const int MaxRawLength = 120;

    /// <summary>The arrow of <paramref name="direction"/>: → Charge Point to Central System, ← the other way.</summary>
    public static string Arrow(FrameDirection direction) => direction == FrameDirection.Received ? "→" : "←";

    /// <summary>The frame as one line.</summary>
    public static string Format(RecordedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var line = new StringBuilder().Append(frame.ChargePointId).Append(' ').Append(Arrow(frame.Direction)).Append(' ');
        if (frame.FrameError is { } frameError)
        {
            return line.Append("malformed frame (").Append(frameError).Append("): ").Append(Shorten(frame.Text)).ToString();
        }

        var action = frame.Action ?? "?";
        switch (frame.MessageType)
        {
            case MessageTypeId.CallError:
                line.Append(action).Append(" CALLERROR ").Append(frame.ErrorCode);
                new FieldWriter(line).Add("description", frame.ErrorDescription);
                return line.ToString();
            case MessageTypeId.CallResult:
                line.Append(action).Append(".conf");
                break;
            default:
                line.Append(action);
                break;
        }

        AppendPayload(line, frame);
        return line.ToString();
    }

    /// <summary>The key fields of a message as <c>name=value</c> pairs, e.g. <c>connectorId=1 status=Charging</c>.</summary>
    public static string Fields(IOcppMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = new StringBuilder();
        WriteFields(new FieldWriter(line), message);
        return line.ToString().TrimStart();
    }

    private static void AppendPayload(StringBuilder line, RecordedFrame frame)
    {
        if (frame.Payload is { } payload)
        {
            WriteFields(new FieldWriter(line), payload);
        }
        else if (frame.PayloadError is { } error)
        {
            line.Append(" invalid payload (").Append(error.Code).Append(": ").Append(error.Description).Append("): ").Append(Shorten(frame.Text));
        }
        else
        {
            // An action unknown to OCPP 1.6, or an answer to a CALL this session never saw.
            line.Append(' ').Append(Shorten(frame.Text));
        }
    }

    private static void WriteFields(FieldWriter fields, IOcppMessage message)
    {
        if (!ChargePointMessageFields.TryWrite(fields, message) && !CentralSystemMessageFields.TryWrite(fields, message) && !SecurityMessageFields.TryWrite(fields, message))
        {
            fields.Raw(message.GetType().Name);
        }
    }

    // Masked before it is cut: a cut may leave half a key or value, which the masker would no longer recognise.
    private static string Shorten(string text)
    {
        text = SecretText.Redact(text);
        return OneLine(text.Length <= MaxRawLength ? text : string.Concat(text.AsSpan(0, MaxRawLength), "…"));
    }

    /// <summary>Escapes line breaks and other control characters, so a value never spans two lines.</summary>
    internal static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return line.ToString();
    }
}
