using System.Diagnostics;
using System.Text.Json;

namespace Station.Benchmarks.External;

/// <summary>
/// A frame of the station's connection as the csms process's event stream told it, stamped with
/// this process's <see cref="Stopwatch"/> when the event was read.
/// </summary>
/// <param name="At">Stopwatch timestamp of the event's arrival here.</param>
/// <param name="Sequence">Its position in the connection (the csms numbers frames 1, 2, ... per connection).</param>
/// <param name="FromStation">Sent by the station (the csms says "received").</param>
/// <param name="MessageType">2 CALL, 3 CALLRESULT, 4 CALLERROR.</param>
/// <param name="MessageId">The OCPP-J message id.</param>
/// <param name="Action">The action of a CALL, or of the CALL an answer answers.</param>
/// <param name="Payload">The payload of a CALL or CALLRESULT.</param>
internal sealed record SeenFrame(long At, long Sequence, bool FromStation, int MessageType, string MessageId, string Action, JsonElement Payload)
{
    public bool IsCall => MessageType == 2;

    /// <summary>A CALL from the station of <paramref name="action"/>.</summary>
    public bool IsCallFromStation(string action) => FromStation && IsCall && Action == action;

    /// <summary>The csms's answer to the station's CALL <paramref name="call"/>.</summary>
    public bool Answers(SeenFrame call) => FromStation != call.FromStation && !IsCall && MessageId == call.MessageId;

    /// <summary>A StatusNotification of <paramref name="connectorId"/> with <paramref name="status"/>.</summary>
    public bool IsStatus(int connectorId, string status) =>
        IsCallFromStation("StatusNotification")
        && Payload.GetProperty("connectorId").GetInt32() == connectorId
        && Payload.GetProperty("status").GetString() == status;

    /// <summary>How the frame is named in a step table: direction, action, CALL or answer, a status.</summary>
    public string Step =>
        $"{(FromStation ? "station →" : "csms →")} {Action}{(IsCall ? string.Empty : ".conf")}" +
        (IsCall && Action == "StatusNotification" ? " " + Payload.GetProperty("status").GetString() : string.Empty);
}
