using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using CentralSystem.Web;
using Microsoft.AspNetCore.Http;

namespace CentralSystem.Api;

/// <summary>
/// The event stream of the web UI (<c>GET /events</c>): first a <c>snapshot</c> (the endpoint,
/// stations, default answers, the latest frames), then <c>frame</c>, <c>station</c> and <c>answers</c>
/// events as they happen. Every event carries whole objects, so one seen twice does no harm.
/// </summary>
internal sealed class LiveEvents(CentralSystemServer server, StationTracker tracker)
{
    /// <summary>How many of the latest frames, over all stations, the snapshot carries.</summary>
    public const int SnapshotFrames = 300;

    private readonly EventStream _stream = new();

    public Task ServeAsync(HttpContext context) => _stream.ServeAsync(context, Snapshot);

    public void Close() => _stream.Close();

    public void OnStation(StationState state)
    {
        if (_stream.HasSubscribers)
        {
            _stream.Publish("station", Json(writer => JsonSerializer.Serialize(writer, state.ToBody(), ApiJsonContext.Relaxed.StationBody)));
        }
    }

    public void OnFrame(StationSession session, RecordedFrame frame)
    {
        if (_stream.HasSubscribers)
        {
            var number = tracker.SessionNumber(session);
            _stream.Publish("frame", Json(writer => WriteFrame(writer, number, frame)));
        }
    }

    public void OnAnswers(AnswerSettings answers)
    {
        if (_stream.HasSubscribers)
        {
            _stream.Publish("answers", Json(writer => JsonSerializer.Serialize(writer, AnswersDocument.ToBody(answers), ApiJsonContext.Relaxed.AnswersBody)));
        }
    }

    /// <summary>A frame with the number of its session: <c>{"session":2,"time":…,"frame":[…]}</c>.</summary>
    public static void WriteFrame(Utf8JsonWriter writer, long session, RecordedFrame frame)
    {
        writer.WriteStartObject();
        writer.WriteNumber("session", session);
        FrameJson.WriteProperties(writer, frame);
        writer.WriteEndObject();
    }

    private IEnumerable<SseItem<string>> Snapshot()
    {
        var stations = tracker.Connected;
        var frames = stations
            .Select(state => state.Session)
            .OfType<StationSession>()
            .SelectMany(session => session.Frames.TakeLast(SnapshotFrames).Select(frame => (Session: tracker.SessionNumber(session), Frame: frame)))
            .OrderBy(entry => entry.Frame.Timestamp)
            .TakeLast(SnapshotFrames);
        var data = Json(writer =>
        {
            writer.WriteStartObject();

            // Where stations connect, as the server knows it (path, ws or wss), for the page to show.
            writer.WriteString("endpoint", server.Endpoint.ToString());
            writer.WritePropertyName("stations");
            JsonSerializer.Serialize(writer, [.. stations.Select(state => state.ToBody())], ApiJsonContext.Relaxed.IReadOnlyListStationBody);
            writer.WritePropertyName("answers");
            JsonSerializer.Serialize(writer, AnswersDocument.ToBody(server.Answers), ApiJsonContext.Relaxed.AnswersBody);
            writer.WriteStartArray("frames");
            foreach (var (session, frame) in frames)
            {
                WriteFrame(writer, session, frame);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        yield return new SseItem<string>(data, "snapshot");
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, ApiJsonContext.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
