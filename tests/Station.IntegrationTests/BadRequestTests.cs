using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>Bad input from the Central System: a rejecting status or the matching CALLERROR, never a crash.</summary>
public sealed class BadRequestTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("""[2,"b1","RemoteStartTransaction",{"connectorId":99,"idTag":"A"}]""", "RemoteStartTransaction", "Rejected")]
    [InlineData("""[2,"b2","RemoteStartTransaction",{"connectorId":-1,"idTag":"A"}]""", "RemoteStartTransaction", "Rejected")]
    [InlineData(
        """[2,"b3","RemoteStartTransaction",{"connectorId":1,"idTag":"A","chargingProfile":""" +
        """{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":""" +
        """{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6}]}}}]""",
        "RemoteStartTransaction",
        "Rejected")]
    [InlineData("""[2,"b4","RemoteStopTransaction",{"transactionId":-5}]""", "RemoteStopTransaction", "Rejected")]
    [InlineData("""[2,"b5","ChangeAvailability",{"connectorId":-1,"type":"Inoperative"}]""", "ChangeAvailability", "Rejected")]
    [InlineData("""[2,"b6","UnlockConnector",{"connectorId":99}]""", "UnlockConnector", "NotSupported")]
    [InlineData("""[2,"b7","ChangeConfiguration",{"key":"HeartbeatInterval","value":"99999999999"}]""", "ChangeConfiguration", "Rejected")]
    public async Task Out_of_range_requests_get_a_rejecting_status(string frame, string action, string status)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await session.SendRawAsync(frame).OrTimeout();

        var answer = await session.WaitForFrameAsync(mark, f => f.Direction == Ocpp16.Rpc.FrameDirection.Received && f.MessageType == Ocpp16.Framing.MessageTypeId.CallResult).OrTimeout();
        Assert.Contains($"\"status\":\"{status}\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal(action, answer.Action);
    }

    [Theory]
    [InlineData("""[2,"c1","ChangeConfiguration",{"key":"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ","value":"1"}]""", "PropertyConstraintViolation")]
    [InlineData("""[2,"c2","GetConfiguration",{"key":["HeartbeatInterval",7]}]""", "TypeConstraintViolation")]
    [InlineData("""[2,"c3","RemoteStartTransaction",{"connectorId":1}]""", "OccurenceConstraintViolation")]
    [InlineData("""[2,"c4","ChangeAvailability",{"connectorId":1,"type":"operative"}]""", "PropertyConstraintViolation")]
    [InlineData("""[2,"c5","RemoteStopTransaction",{"transactionId":null}]""", "TypeConstraintViolation")]
    [InlineData("""[2,"c6","DataTransfer",{"vendorId":"x","data":{"nested":true}}]""", "TypeConstraintViolation")]
    public async Task Malformed_requests_get_the_matching_callerror(string frame, string errorCode)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await session.SendRawAsync(frame).OrTimeout();

        var answer = await session.WaitForFrameAsync(mark, f => f.Direction == Ocpp16.Rpc.FrameDirection.Received && f.MessageType == Ocpp16.Framing.MessageTypeId.CallError).OrTimeout();
        Assert.Equal(errorCode, answer.ErrorCode);
    }
}
