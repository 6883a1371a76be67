using Microsoft.Extensions.Logging;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>
/// Answers are read leniently by default (what a Central System gets wrong in the field but that
/// leaves the answer usable), strictly with <see cref="RpcOptions.StrictAnswers"/>; incoming CALLs
/// are strict in both modes.
/// </summary>
public sealed class RpcConnectionLenientAnswerTests
{
    private const int ToleratedAnswerEvent = 115;

    private static readonly StartTransactionRequest Start = new() { ConnectorId = 1, IdTag = "04A2B3C4D5E6F7", MeterStart = 0, Timestamp = RpcHarness.Start };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BootNotification_answer_with_an_unknown_property_is_used_leniently_and_refused_strictly(bool strict)
    {
        await using var rpc = new RpcHarness(new RpcOptions { StrictAnswers = strict });
        var call = rpc.Connection.CallAsync(new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" });
        var id = await rpc.ReceiveCallAsync("BootNotification");

        await rpc.SendAsync($$$"""[3,"{{{id}}}",{"status":"Accepted","currentTime":"2026-11-25T16:27:49.123Z","interval":300,"vendorInfo":{"build":7}}]""");

        if (strict)
        {
            Assert.Equal(OcppErrorCode.FormationViolation, (await Assert.ThrowsAsync<OcppProtocolException>(() => call.OrTimeout())).Error.Code);
            return;
        }

        var response = await call.OrTimeout();
        Assert.Equal((RegistrationStatus.Accepted, 300), (response.Status, response.Interval));
        var warning = Assert.Single(rpc.Logs(LogLevel.Warning), r => r.Id.Id == ToleratedAnswerEvent);
        Assert.Contains("unknown property ignored at $.vendorInfo", warning.Message, StringComparison.Ordinal);
        Assert.Contains("BootNotification", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StartTransaction_answer_with_a_null_parentIdTag_is_used_leniently_and_refused_strictly(bool strict)
    {
        await using var rpc = new RpcHarness(new RpcOptions { StrictAnswers = strict });
        var call = rpc.Connection.CallAsync(Start);
        var id = await rpc.ReceiveCallAsync("StartTransaction");

        await rpc.SendAsync($$"""[3,"{{id}}",{"idTagInfo":{"status":"Accepted","parentIdTag":null,"expiryDate":null},"transactionId":4711}]""");

        if (strict)
        {
            Assert.Equal(OcppErrorCode.TypeConstraintViolation, (await Assert.ThrowsAsync<OcppProtocolException>(() => call.OrTimeout())).Error.Code);
            return;
        }

        var response = await call.OrTimeout();
        Assert.Equal((4711, AuthorizationStatus.Accepted, null, null), (response.TransactionId, response.IdTagInfo.Status, response.IdTagInfo.ParentIdTag, response.IdTagInfo.ExpiryDate));
        var warning = Assert.Single(rpc.Logs(LogLevel.Warning), r => r.Id.Id == ToleratedAnswerEvent);
        Assert.Contains("$.idTagInfo.parentIdTag, $.idTagInfo.expiryDate", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "2026-03-17T10:00:00")]
    [InlineData(false, "2026-03-17T10:00:00.250")]
    [InlineData(true, "2026-03-17T10:00:00")]
    public async Task Heartbeat_answer_without_offset_is_taken_as_UTC_leniently_and_refused_strictly(bool strict, string currentTime)
    {
        await using var rpc = new RpcHarness(new RpcOptions { StrictAnswers = strict });
        var call = rpc.Connection.CallAsync(new HeartbeatRequest());
        var id = await rpc.ReceiveCallAsync("Heartbeat");

        await rpc.SendAsync($$"""[3,"{{id}}",{"currentTime":"{{currentTime}}"}]""");

        if (strict)
        {
            Assert.Equal(OcppErrorCode.PropertyConstraintViolation, (await Assert.ThrowsAsync<OcppProtocolException>(() => call.OrTimeout())).Error.Code);
            return;
        }

        var response = await call.OrTimeout();
        Assert.Equal(DateTimeOffset.Parse(currentTime + "Z", System.Globalization.CultureInfo.InvariantCulture), response.CurrentTime);
        Assert.Equal(TimeSpan.Zero, response.CurrentTime.Offset);
    }

    [Theory]
    [InlineData(false, """{"idTagInfo":{"status":"Accepted","parentIdTag":null},"extra":1}""", OcppErrorCode.OccurenceConstraintViolation)]
    [InlineData(true, """{"idTagInfo":{"status":"Accepted"}}""", OcppErrorCode.OccurenceConstraintViolation)]
    [InlineData(false, """{"idTagInfo":{"status":"Accepted"},"transactionId":"4711"}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData(true, """{"idTagInfo":{"status":"Accepted"},"transactionId":"4711"}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData(false, """{"idTagInfo":null,"transactionId":4711}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData(true, """{"idTagInfo":null,"transactionId":4711}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData(false, """{"idTagInfo":{"status":"Refused"},"transactionId":4711}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData(true, """{"idTagInfo":{"status":"Refused"},"transactionId":4711}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData(false, """{"idTagInfo":{"status":"Accepted","expiryDate":"tomorrow"},"transactionId":4711}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData(true, """{"idTagInfo":{"status":"Accepted","expiryDate":"tomorrow"},"transactionId":4711}""", OcppErrorCode.PropertyConstraintViolation)]
    public async Task Unusable_StartTransaction_answer_fails_the_call_in_both_modes(bool strict, string payload, OcppErrorCode expected)
    {
        await using var rpc = new RpcHarness(new RpcOptions { StrictAnswers = strict });
        var call = rpc.Connection.CallAsync(Start);
        var id = await rpc.ReceiveCallAsync("StartTransaction");

        await rpc.SendAsync($"[3,\"{id}\",{payload}]");

        Assert.Equal(expected, (await Assert.ThrowsAsync<OcppProtocolException>(() => call.OrTimeout())).Error.Code);
        Assert.True(rpc.Connection.IsOpen);
        Assert.DoesNotContain(rpc.Logs(LogLevel.Warning), r => r.Id.Id == ToleratedAnswerEvent);
    }

    [Fact]
    public async Task Tolerated_deviation_is_warned_once_per_connection_action_and_kind()
    {
        await using var rpc = new RpcHarness();
        await AnswerHeartbeatAsync(rpc, """{"currentTime":"2026-03-17T10:00:00"}""");
        await AnswerHeartbeatAsync(rpc, """{"currentTime":"2026-03-17T10:00:01"}""");
        Assert.Single(rpc.Logs(LogLevel.Warning), r => r.Id.Id == ToleratedAnswerEvent);

        await AnswerHeartbeatAsync(rpc, """{"currentTime":"2026-03-17T10:00:02Z","x":1}""");
        var call = rpc.Connection.CallAsync(new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" });
        var id = await rpc.ReceiveCallAsync("BootNotification");
        await rpc.SendAsync($$"""[3,"{{id}}",{"status":"Accepted","currentTime":"2026-03-17T10:00:03","interval":300}]""");
        await call.OrTimeout();

        Assert.Equal(
            [
                "Heartbeat: date-time without offset taken as UTC at $.currentTime",
                "Heartbeat: unknown property ignored at $.x",
                "BootNotification: date-time without offset taken as UTC at $.currentTime",
            ],
            rpc.Logs(LogLevel.Warning).Where(r => r.Id.Id == ToleratedAnswerEvent).Select(r => Summary(r.Message)));
    }

    [Theory]
    [InlineData(false, """{"idTag":"04A2B3C4D5E6F7","connectorId":1,"extra":1}""", "FormationViolation")]
    [InlineData(true, """{"idTag":"04A2B3C4D5E6F7","connectorId":1,"extra":1}""", "FormationViolation")]
    [InlineData(false, """{"idTag":"04A2B3C4D5E6F7","connectorId":null}""", "TypeConstraintViolation")]
    [InlineData(true, """{"idTag":"04A2B3C4D5E6F7","connectorId":null}""", "TypeConstraintViolation")]
    public async Task Incoming_call_is_refused_strictly_in_both_modes(bool strictAnswers, string payload, string expected)
    {
        await using var rpc = new RpcHarness(new RpcOptions { StrictAnswers = strictAnswers });
        var invoked = 0;
        rpc.Router.Handle(OcppActions.RemoteStartTransaction, (_, _, _) =>
        {
            invoked++;
            return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
        });

        await rpc.SendAsync($"[2,\"rs-1\",\"RemoteStartTransaction\",{payload}]");

        await rpc.ReceiveCallErrorAsync("rs-1", expected);
        Assert.Equal(0, invoked);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Incoming_call_with_a_time_without_offset_is_refused_in_both_modes(bool strictAnswers)
    {
        await using var rpc = new RpcHarness(new RpcOptions { StrictAnswers = strictAnswers });
        rpc.Router.Handle(OcppActions.ReserveNow, (_, _, _) => throw new InvalidOperationException("the handler must not run"));

        await rpc.SendAsync("""[2,"rn-1","ReserveNow",{"connectorId":1,"expiryDate":"2026-03-17T10:00:00","idTag":"04A2B3C4D5E6F7","reservationId":3}]""");

        Assert.Contains("expiryDate", await rpc.ReceiveCallErrorAsync("rn-1", "PropertyConstraintViolation"), StringComparison.Ordinal);
    }

    private static async Task AnswerHeartbeatAsync(RpcHarness rpc, string payload)
    {
        var call = rpc.Connection.CallAsync(new HeartbeatRequest());
        var id = await rpc.ReceiveCallAsync("Heartbeat");
        await rpc.SendAsync($"[3,\"{id}\",{payload}]");
        await call.OrTimeout();
    }

    // "Tolerated in the Heartbeat answer 3f..: unknown property ignored at $.x (logged once ...)" → "Heartbeat: unknown property ignored at $.x"
    private static string Summary(string message)
    {
        var action = message.Split(' ')[3];
        var what = message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..message.IndexOf(" (", StringComparison.Ordinal)];
        return $"{action}: {what}";
    }
}
