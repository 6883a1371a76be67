using System.Text;
using Ocpp16.Framing;
using Xunit;

namespace Ocpp16.Tests.Framing;

/// <summary>Reading OCPP-J frames (OCPP-J 1.6 §4): every malformed message becomes a refusal, never an exception.</summary>
public sealed class FrameReaderTests
{
    [Theory]
    [InlineData("Reset", "{\"type\":\"So\u00FFft\"}")]
    [InlineData("Reset", "{\"ty\u00C0\u0080pe\":\"Soft\"}")]
    [InlineData("Re\u00EDset", "{\"type\":\"Soft\"}")]
    public void Frame_that_is_not_UTF8_after_its_id_is_refused_FormationViolation(string action, string payload)
    {
        // Found by the decoder property tests: a stray byte inside an enum value was refused PropertyConstraintViolation.
        var bytes = Encoding.Latin1.GetBytes($"[2,\"u-1\",\"{action}\",{payload}]");

        var read = FrameReader.Read(bytes);

        Assert.False(read.IsValid);
        Assert.Equal(("u-1", OcppErrorCode.FormationViolation), (read.MessageId, read.ErrorCode));
    }

    [Fact]
    public void Frame_whose_id_is_not_UTF8_has_no_id_to_answer()
    {
        var read = FrameReader.Read(Encoding.Latin1.GetBytes("[2,\"u-\u00FF\",\"Reset\",{\"type\":\"Soft\"}]"));

        Assert.False(read.IsValid);
        Assert.Null(read.MessageId);
    }

    [Fact]
    public void Call_is_read_with_its_id_action_and_exact_payload_text()
    {
        var frame = ReadValid("""[2, "19223201", "BootNotification", {"chargePointVendor": "TaeSeongConTech", "chargePointModel": "TSCT-2007CP"} ]""");

        Assert.Equal(MessageTypeId.Call, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Equal("BootNotification", frame.Action);
        Assert.Equal("""{"chargePointVendor": "TaeSeongConTech", "chargePointModel": "TSCT-2007CP"}""", Text(frame.Payload));
        Assert.Null(frame.ErrorCode);
    }

    [Fact]
    public void CallResult_is_read_with_its_id_and_payload()
    {
        var frame = ReadValid("""[3,"19223201",{"status":"Accepted","currentTime":"2026-11-25T16:27:49.123Z","interval":300}]""");

        Assert.Equal(MessageTypeId.CallResult, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Null(frame.Action);
        Assert.Equal("""{"status":"Accepted","currentTime":"2026-11-25T16:27:49.123Z","interval":300}""", Text(frame.Payload));
    }

    [Fact]
    public void CallError_is_read_with_code_description_and_details()
    {
        var frame = ReadValid("""[4,"19223201","NotSupported","Reset is not supported",{"hint":"none"}]""");

        Assert.Equal(MessageTypeId.CallError, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Equal("NotSupported", frame.ErrorCode);
        Assert.Equal("Reset is not supported", frame.ErrorDescription);
        Assert.Equal("""{"hint":"none"}""", Text(frame.Payload));
    }

    [Fact]
    public void CallError_without_details_is_accepted()
    {
        var frame = ReadValid("""[4,"19223201","GenericError","something failed"]""");

        Assert.Equal("GenericError", frame.ErrorCode);
        Assert.Equal("something failed", frame.ErrorDescription);
        Assert.True(frame.Payload.IsEmpty);
    }

    [Fact]
    public void CallError_with_a_code_outside_the_specification_is_read_as_sent()
    {
        var frame = ReadValid("""[4,"19223201","VendorSpecificError","",{}]""");

        Assert.Equal("VendorSpecificError", frame.ErrorCode);
        Assert.Equal(string.Empty, frame.ErrorDescription);
    }

    [Fact]
    public void Message_id_of_36_characters_is_accepted()
    {
        var id = new string('a', FrameReader.MaxMessageIdLength);

        Assert.Equal(id, ReadValid($$"""[2,"{{id}}","Heartbeat",{}]""").MessageId);
    }

    [Fact]
    public void Escaped_message_id_and_action_are_unescaped()
    {
        var frame = ReadValid("""[2,"id\u002D1","Heart\u0062eat",{}]""");

        Assert.Equal("id-1", frame.MessageId);
        Assert.Equal("Heartbeat", frame.Action);
    }

    [Fact]
    public void Payload_is_not_checked_by_the_frame_reader()
    {
        // The codec binds and validates the payload once the action is known.
        Assert.Equal("[1,2]", Text(ReadValid("""[3,"19223201",[1,2]]""").Payload));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("""{"messageTypeId":2}""")]
    [InlineData("\"[2,\\\"id\\\",\\\"Heartbeat\\\",{}]\"")]
    [InlineData("2")]
    [InlineData("[]")]
    [InlineData("""["2","19223201","Heartbeat",{}]""")]
    [InlineData("""[2.5,"19223201","Heartbeat",{}]""")]
    [InlineData("""[null,"19223201","Heartbeat",{}]""")]
    [InlineData("""[2]""")]
    [InlineData("""[2,19223201,"Heartbeat",{}]""")]
    [InlineData("""[2,null,"Heartbeat",{}]""")]
    [InlineData("""[2,["19223201"],"Heartbeat",{}]""")]
    [InlineData("""[2,"\uD800","Heartbeat",{}]""")]
    [InlineData("""[2,"19223201\uDC00","Heartbeat",{}]""")]
    public void Message_without_a_readable_id_is_refused_FormationViolation_without_an_id(string message)
    {
        var read = Read(message);

        AssertRefused(read, OcppErrorCode.FormationViolation);
        Assert.Null(read.MessageId);
    }

    [Fact]
    public void Message_with_invalid_utf8_is_refused_FormationViolation()
    {
        byte[] message = [.. "[2,\""u8, 0xC3, 0x28, .. "\",\"Heartbeat\",{}]"u8];

        var read = FrameReader.Read(message);

        AssertRefused(read, OcppErrorCode.FormationViolation);
        Assert.Null(read.MessageId);
    }

    [Theory]
    [InlineData("""[0,"19223201","Heartbeat",{}]""")]
    [InlineData("""[1,"19223201","Heartbeat",{}]""")]
    [InlineData("""[5,"19223201",{}]""")]
    [InlineData("""[-2,"19223201","Heartbeat",{}]""")]
    public void Unknown_message_type_is_refused_FormationViolation_keeping_the_id(string message)
    {
        var read = Read(message);

        AssertRefused(read, OcppErrorCode.FormationViolation);
        Assert.Equal("19223201", read.MessageId);
        Assert.Null(read.MessageType);
    }

    [Theory]
    [InlineData(2, """[2,"{0}","Heartbeat",{{}}]""")]
    [InlineData(3, """[3,"{0}",{{}}]""")]
    [InlineData(4, """[4,"{0}","GenericError","",{{}}]""")]
    public void Message_id_longer_than_36_characters_is_refused_FormationViolation_keeping_the_id(int type, string format)
    {
        var id = new string('a', FrameReader.MaxMessageIdLength + 1);

        var read = Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, id));

        AssertRefused(read, OcppErrorCode.FormationViolation);
        Assert.Equal(id, read.MessageId);
        Assert.Equal((MessageTypeId)type, read.MessageType);
    }

    [Theory]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat"]""")]
    [InlineData(MessageTypeId.CallResult, """[3,"19223201"]""")]
    public void Frame_without_payload_is_refused_ProtocolError(MessageTypeId type, string message)
    {
        var read = Read(message);

        AssertRefused(read, OcppErrorCode.ProtocolError);
        Assert.Equal("19223201", read.MessageId);
        Assert.Equal(type, read.MessageType);
    }

    [Theory]
    [InlineData(MessageTypeId.Call, """[2,"19223201"]""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201",{}]""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201",7,{}]""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat",{},{}]""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat",{},"extra"]""")]
    [InlineData(MessageTypeId.CallResult, """[3,"19223201",{},{}]""")]
    [InlineData(MessageTypeId.CallError, """[4,"19223201"]""")]
    [InlineData(MessageTypeId.CallError, """[4,"19223201","GenericError"]""")]
    [InlineData(MessageTypeId.CallError, """[4,"19223201",404,"not found",{}]""")]
    [InlineData(MessageTypeId.CallError, """[4,"19223201","GenericError",null,{}]""")]
    [InlineData(MessageTypeId.CallError, """[4,"19223201","GenericError","",{},{}]""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat",{}] x""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat",{}][]""")]
    [InlineData(MessageTypeId.CallResult, """[3,"19223201",{}]{}""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat",{""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","BootNotification",{"chargePointVendor":"TaeSe""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","Heartbeat",{}""")]
    [InlineData(MessageTypeId.CallResult, """[3,"19223201",{"currentTime":}]""")]
    [InlineData(MessageTypeId.Call, """[2,"19223201","\uD800",{}]""")]
    public void Malformed_frame_after_a_readable_id_is_refused_FormationViolation_keeping_the_id(MessageTypeId type, string message)
    {
        var read = Read(message);

        AssertRefused(read, OcppErrorCode.FormationViolation);
        Assert.Equal("19223201", read.MessageId);
        Assert.Equal(type, read.MessageType);
    }

    private static FrameReadResult Read(string message) => FrameReader.Read(Encoding.UTF8.GetBytes(message));

    private static Frame ReadValid(string message)
    {
        var read = Read(message);
        Assert.True(read.IsValid, $"refused ({read.ErrorCode}): {read.Error}");
        Assert.Equal(read.Frame.MessageId, read.MessageId);
        return read.Frame;
    }

    private static void AssertRefused(FrameReadResult read, OcppErrorCode code)
    {
        Assert.False(read.IsValid);
        Assert.Equal(code, read.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(read.Error));
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
