using System.Text.Json;

namespace Station.Benchmarks.Chaos;

/// <summary>
/// One frame of the Central System's record (a <c>csms --json</c> line): the evidence every figure
/// of the chaos run is derived from.
/// </summary>
internal sealed record CsmsFrame
{
    /// <summary>Its place among all frames of the run, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>When the line was read (Stopwatch timestamp).</summary>
    public required long ReadAt { get; init; }

    /// <summary>Its place in its connection, from 1: a 1 starts a new connection.</summary>
    public required long Sequence { get; init; }

    /// <summary>True for frames from the station, false for frames to it.</summary>
    public required bool FromStation { get; init; }

    /// <summary>2 CALL, 3 CALLRESULT, 4 CALLERROR; 0 when not a frame at all.</summary>
    public required int Type { get; init; }

    public required string? MessageId { get; init; }

    /// <summary>The action of a CALL, or of the CALL an answer answers.</summary>
    public required string? Action { get; init; }

    /// <summary>The payload of a CALL or CALLRESULT.</summary>
    public JsonElement Payload { get; init; }

    /// <summary>The payload as it travelled (compacted by the Central System), for comparing copies.</summary>
    public string PayloadText { get; init; } = string.Empty;

    public bool IsCallFromStation(string action) => FromStation && Type == 2 && Action == action;

    /// <summary>Reads a <c>csms --json</c> line; null for the "csms listening" line and anything else that is not a frame.</summary>
    public static CsmsFrame? Parse(int index, TimedLine line)
    {
        if (!line.Text.StartsWith('{'))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line.Text);
        var root = document.RootElement;
        if (!root.TryGetProperty("frame", out var frame) || frame.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var type = frame.GetArrayLength() > 0 && frame[0].ValueKind == JsonValueKind.Number ? frame[0].GetInt32() : 0;
        var payload = type switch
        {
            2 when frame.GetArrayLength() > 3 => frame[3],
            3 when frame.GetArrayLength() > 2 => frame[2],
            _ => default,
        };
        return new CsmsFrame
        {
            Index = index,
            ReadAt = line.At,
            Sequence = root.GetProperty("sequence").GetInt64(),
            FromStation = root.GetProperty("direction").GetString() == "received",
            Type = type,
            MessageId = frame.GetArrayLength() > 1 && frame[1].ValueKind == JsonValueKind.String ? frame[1].GetString() : null,
            Action = root.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String ? action.GetString() : null,
            Payload = payload.ValueKind == JsonValueKind.Undefined ? default : payload.Clone(),
            PayloadText = payload.ValueKind == JsonValueKind.Undefined ? string.Empty : payload.GetRawText(),
        };
    }
}
