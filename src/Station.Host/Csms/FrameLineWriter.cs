using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CentralSystem;

namespace Station.Host.Csms;

/// <summary>
/// The <c>csms</c> command's output: exactly one line per frame, whatever the frame holds.
/// Readable (<c>09:26:53.417 CP001 → StartTransaction connectorId=1 idTag=ABC123 meterStart=0</c>)
/// or, with <c>--json</c>, one JSON object per frame carrying the raw frame:
/// <c>{"time":"…","chargePointId":"CP001","sequence":3,"direction":"received","action":"StartTransaction","frame":[2,"1","StartTransaction",{…}]}</c>
/// (<see cref="FrameJson"/>).
/// </summary>
public sealed class FrameLineWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Keeps idTags and descriptions readable; control characters are still escaped, so a line stays one line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _output;
    private readonly bool _json;

    /// <summary>Writes to <paramref name="output"/>, which must be safe to call from several threads (as <see cref="Console.Out"/> is).</summary>
    public FrameLineWriter(TextWriter output, bool json)
    {
        _output = output;
        _json = json;
    }

    /// <summary>Writes the frame's line. It runs on the station's receive loop: a slow reader of the output slows that station, and loses nothing.</summary>
    public void Write(RecordedFrame frame) => _output.WriteLine(Format(frame));

    /// <summary>The frame's line, without the line break.</summary>
    public string Format(RecordedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return _json ? Json(frame) : Readable(frame);
    }

    private static string Readable(RecordedFrame frame)
    {
        var time = frame.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return string.Concat(time, " ", OneLine(MessageFormatter.Format(frame)));
    }

    private static string Json(RecordedFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(frame.Text.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            FrameJson.WriteProperties(writer, frame);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // A value holding a line break (an info text, a DataTransfer data) must not split the line.
    private static string OneLine(string line) => line.ReplaceLineEndings("\\n");
}
