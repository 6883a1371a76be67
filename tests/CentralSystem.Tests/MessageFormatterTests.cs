using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace CentralSystem.Tests;

public sealed class MessageFormatterTests
{
    private static readonly DateTimeOffset At = new(2031, 3, 7, 9, 41, 17, TimeSpan.Zero);

    [Theory]
    [InlineData("""[2,"1","StartTransaction",{"connectorId":1,"idTag":"ABC123","meterStart":0,"timestamp":"2031-03-07T09:41:17Z"}]""",
        "cp001 → StartTransaction connectorId=1 idTag=ABC123 meterStart=0")]
    [InlineData("""[2,"2","BootNotification",{"chargePointVendor":"TaeSeongConTech","chargePointModel":"TSCT-2007CP","firmwareVersion":"1.2.3"}]""",
        "cp001 → BootNotification vendor=TaeSeongConTech model=TSCT-2007CP firmware=1.2.3")]
    [InlineData("""[2,"3","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging"}]""",
        "cp001 → StatusNotification connectorId=1 status=Charging")]
    [InlineData("""[2,"4","StatusNotification",{"connectorId":0,"errorCode":"GroundFailure","status":"Faulted","info":"RCD tripped"}]""",
        "cp001 → StatusNotification connectorId=0 status=Faulted errorCode=GroundFailure info=\"RCD tripped\"")]
    [InlineData("""[2,"5","StopTransaction",{"transactionId":7,"idTag":"ABC123","meterStop":1234,"timestamp":"2031-03-07T09:41:17Z","reason":"EVDisconnected"}]""",
        "cp001 → StopTransaction transactionId=7 idTag=ABC123 meterStop=1234 reason=EVDisconnected")]
    [InlineData("""[2,"6","Heartbeat",{}]""", "cp001 → Heartbeat")]
    [InlineData("""[2,"7","Authorize",{"idTag":"ABC123"}]""", "cp001 → Authorize idTag=ABC123")]
    [InlineData("""[2,"8","FirmwareStatusNotification",{"status":"Downloading"}]""", "cp001 → FirmwareStatusNotification status=Downloading")]
    [InlineData("""[2,"9","SecurityEventNotification",{"type":"InvalidCentralSystemCertificate","timestamp":"2031-03-07T09:41:17Z","techInfo":"UntrustedRoot"}]""",
        "cp001 → SecurityEventNotification type=InvalidCentralSystemCertificate timestamp=2031-03-07T09:41:17.000Z techInfo=UntrustedRoot")]
    [InlineData("""[2,"10","SignCertificate",{"csr":"-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n"}]""",
        "cp001 → SignCertificate csr=\"75 characters\"")]
    [InlineData("""[2,"11","SignedFirmwareStatusNotification",{"status":"SignatureVerified","requestId":7}]""",
        "cp001 → SignedFirmwareStatusNotification status=SignatureVerified requestId=7")]
    public void Charge_point_calls_show_their_action_and_key_fields(string text, string expected) =>
        Assert.Equal(expected, Format(FrameDirection.Received, text));

    [Theory]
    [InlineData("[2,\"1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"line one\\nline two\"}]")]
    [InlineData("[2,\"2\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"OtherError\",\"status\":\"Faulted\",\"info\":\"a\\r\\nb\"}]")]
    public void A_line_break_in_a_value_or_a_malformed_frame_never_breaks_the_line(string text) =>
        Assert.DoesNotContain(Format(FrameDirection.Received, text), c => c is '\n' or '\r');

    [Fact]
    public void Meter_values_show_measurand_phase_value_and_unit_with_the_spec_defaults()
    {
        const string Text = """
            [2,"1","MeterValues",{"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2031-03-07T09:41:17Z","sampledValue":[
            {"value":"1234"},{"value":"16.0","measurand":"Current.Import","phase":"L1","unit":"A"},
            {"value":"7.4","measurand":"Power.Active.Import","unit":"kW"},{"value":"80","measurand":"SoC","unit":"Percent"},{"value":"230","measurand":"Voltage"}]}]}]
            """;

        Assert.Equal(
            "cp001 → MeterValues connectorId=1 transactionId=7 Energy.Active.Import.Register=1234Wh Current.Import.L1=16.0A Power.Active.Import=7.4kW SoC=80% Voltage=230",
            Format(FrameDirection.Received, Text));
    }

    [Fact]
    public void Answers_are_named_after_the_call_they_answer()
    {
        Assert.Equal(
            "cp001 ← StartTransaction.conf transactionId=7 status=Accepted",
            Format(FrameDirection.Sent, """[3,"1",{"idTagInfo":{"status":"Accepted"},"transactionId":7}]""", OcppActions.StartTransaction));
        Assert.Equal(
            "cp001 ← BootNotification.conf status=Pending interval=30 currentTime=2031-03-07T09:41:17.000Z",
            Format(FrameDirection.Sent, """[3,"2",{"status":"Pending","currentTime":"2031-03-07T09:41:17Z","interval":30}]""", OcppActions.BootNotification));
        Assert.Equal("cp001 ← StatusNotification.conf", Format(FrameDirection.Sent, """[3,"3",{}]""", OcppActions.StatusNotification));
        Assert.Equal(
            "cp001 → RemoteStartTransaction.conf status=Rejected",
            Format(FrameDirection.Received, """[3,"4",{"status":"Rejected"}]""", OcppActions.RemoteStartTransaction));
    }

    [Theory]
    [InlineData("""[2,"1","RemoteStartTransaction",{"idTag":"X","connectorId":1}]""", "cp001 ← RemoteStartTransaction idTag=X connectorId=1")]
    [InlineData("""[2,"2","RemoteStopTransaction",{"transactionId":7}]""", "cp001 ← RemoteStopTransaction transactionId=7")]
    [InlineData("""[2,"3","Reset",{"type":"Hard"}]""", "cp001 ← Reset type=Hard")]
    [InlineData("""[2,"4","ChangeConfiguration",{"key":"HeartbeatInterval","value":"30"}]""", "cp001 ← ChangeConfiguration key=HeartbeatInterval value=30")]
    [InlineData("""[2,"5","TriggerMessage",{"requestedMessage":"StatusNotification","connectorId":1}]""", "cp001 ← TriggerMessage requestedMessage=StatusNotification connectorId=1")]
    [InlineData("""[2,"6","GetConfiguration",{"key":["HeartbeatInterval","MeterValueSampleInterval"]}]""", "cp001 ← GetConfiguration key=HeartbeatInterval,MeterValueSampleInterval")]
    [InlineData("""[2,"7","ClearCache",{}]""", "cp001 ← ClearCache")]
    [InlineData(
        """[2,"8","SetChargingProfile",{"connectorId":1,"csChargingProfiles":""" +
        """{"chargingProfileId":3,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":""" +
        """{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0},{"startPeriod":3600,"limit":8}]}}}]""",
        "cp001 ← SetChargingProfile connectorId=1 chargingProfileId=3 purpose=TxDefaultProfile stackLevel=0 kind=Absolute limits=0s:16.0A,3600s:8A")]
    public void Central_system_calls_point_towards_the_charge_point(string text, string expected) =>
        Assert.Equal(expected, Format(FrameDirection.Sent, text));

    [Fact]
    public void Callerror_shows_the_action_code_and_description()
    {
        var line = Format(FrameDirection.Sent, """[4,"1","InternalError","StartTransaction could not be processed",{}]""", OcppActions.StartTransaction);

        Assert.Equal("cp001 ← StartTransaction CALLERROR InternalError description=\"StartTransaction could not be processed\"", line);
    }

    [Fact]
    public void Configuration_answers_list_a_few_keys_and_count_many()
    {
        const string Few = """[3,"1",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"}],"unknownKey":["Foo"]}]""";
        var many = $$"""[3,"2",{"configurationKey":[{{string.Join(',', Enumerable.Range(1, 6).Select(i => $$"""{"key":"K{{i}}","readonly":true}"""))}}]}]""";

        Assert.Equal("cp001 → GetConfiguration.conf HeartbeatInterval=60 unknownKey=Foo", Format(FrameDirection.Received, Few, OcppActions.GetConfiguration));
        Assert.Equal("cp001 → GetConfiguration.conf configurationKey=6", Format(FrameDirection.Received, many, OcppActions.GetConfiguration));
    }

    [Fact]
    public void Unreadable_frames_show_why_and_the_raw_text()
    {
        Assert.StartsWith("cp001 → malformed frame (", Format(FrameDirection.Received, """[2,"1","Heartbeat",{"""), StringComparison.Ordinal);
        Assert.StartsWith(
            "cp001 → StartTransaction invalid payload (OccurenceConstraintViolation: ",
            Format(FrameDirection.Received, """[2,"1","StartTransaction",{"connectorId":1}]"""),
            StringComparison.Ordinal);
        Assert.Equal("""cp001 → FlyToTheMoon [2,"1","FlyToTheMoon",{}]""", Format(FrameDirection.Received, """[2,"1","FlyToTheMoon",{}]"""));
        Assert.Equal("""cp001 ← ?.conf [3,"9",{}]""", Format(FrameDirection.Sent, """[3,"9",{}]"""));
    }

    [Fact]
    public void Fields_of_a_message_alone_have_no_leading_space()
    {
        var fields = MessageFormatter.Fields(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });

        Assert.Equal("status=Accepted", fields);
    }

    private static string Format(FrameDirection direction, string text, OcppAction? answered = null) =>
        MessageFormatter.Format(RecordedFrame.FromText("cp001", direction, text.ReplaceLineEndings(string.Empty), At, answered));
}
