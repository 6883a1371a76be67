using System.Text.Json.Nodes;

namespace Station.Testing.Faults;

/// <summary>A CALL the station sent to a <see cref="ScriptedCentralSystem"/>, as it arrived.</summary>
/// <param name="Connection">The connection it came on.</param>
/// <param name="MessageId">Its message id.</param>
/// <param name="Action">Its action.</param>
/// <param name="Payload">Its payload.</param>
public sealed record ScriptedCall(ScriptedConnection Connection, string MessageId, string Action, JsonObject Payload)
{
    /// <summary>Answers it with a CALLRESULT carrying <paramref name="payloadJson"/> as it is (valid or not).</summary>
    public Task AnswerAsync(string payloadJson) => Connection.SendTextAsync($"[3,\"{MessageId}\",{payloadJson}]");

    /// <summary>Answers it with a CALLERROR.</summary>
    public Task FailAsync(string errorCode, string description = "scripted") =>
        Connection.SendTextAsync($"[4,\"{MessageId}\",\"{errorCode}\",\"{description}\",{{}}]");

    /// <summary>Answers it as the built-in Central System would.</summary>
    public Task AnswerDefaultAsync() => AnswerAsync(Connection.Server.DefaultAnswer(this));
}
