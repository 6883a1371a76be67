using System.Globalization;
using System.Text.Json;
using Ocpp16.Rpc;
using Ocpp16.Security;

namespace CentralSystem;

/// <summary>
/// A recorded frame as JSON properties, one shape for every consumer (the <c>csms --json</c>
/// lines, the HTTP message log and the event stream):
/// <c>"time":"…","chargePointId":"CP001","sequence":3,"direction":"received","action":"StartTransaction","frame":[2,"1","StartTransaction",{…}]</c>.
/// </summary>
public static class FrameJson
{
    /// <summary>
    /// Writes the frame's properties into the object <paramref name="writer"/> has open. The frame
    /// goes in compacted as it travelled; a frame that is not JSON at all goes in as a <c>text</c> string.
    /// </summary>
    public static void WriteProperties(Utf8JsonWriter writer, RecordedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(frame);
        writer.WriteString("time", frame.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        writer.WriteString("chargePointId", frame.ChargePointId);
        if (frame.Sequence > 0)
        {
            // 0 for a frame read from a stored trace rather than recorded on a session.
            writer.WriteNumber("sequence", frame.Sequence);
        }

        writer.WriteString("direction", frame.Direction == FrameDirection.Received ? "received" : "sent");
        if (frame.Action is { } action)
        {
            // A CALLRESULT does not name its action; the session knows it from the CALL.
            writer.WriteString("action", action);
        }

        // The csms --json lines, the web UI and the HTTP message log never show a password or a private key.
        WriteFrame(writer, SecretText.Redact(frame.Text));
    }

    private static void WriteFrame(Utf8JsonWriter writer, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            writer.WriteString("text", text);
            return;
        }

        using (document)
        {
            // Rewritten compact: a frame sent with line breaks between its tokens stays on one line.
            writer.WritePropertyName("frame");
            document.RootElement.WriteTo(writer);
        }
    }
}
