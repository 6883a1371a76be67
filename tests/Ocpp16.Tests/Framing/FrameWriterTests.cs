using System.Buffers;
using System.Text;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Tests.Codec;
using Xunit;

namespace Ocpp16.Tests.Framing;

/// <summary>The exact wire text of OCPP-J frames (OCPP-J 1.6 §4.2).</summary>
public sealed class FrameWriterTests
{
    [Fact]
    public void Call_is_written_as_type_2_id_action_payload()
    {
        var text = Write(b => FrameWriter.WriteCall(b, "19223201", OcppActions.Heartbeat, new HeartbeatRequest()));

        Assert.Equal("""[2,"19223201","Heartbeat",{}]""", text);
    }

    [Fact]
    public void CallResult_is_written_as_type_3_id_payload()
    {
        var response = new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = RequestSamples.Timestamp, Interval = 300 };

        var text = Write(b => FrameWriter.WriteCallResult(b, "19223201", OcppActions.BootNotification, response));

        Assert.Equal("""[3,"19223201",{"status":"Accepted","currentTime":"2026-11-25T16:27:49.123Z","interval":300}]""", text);
    }

    [Fact]
    public void Empty_CallResult_payload_is_an_empty_object()
    {
        var text = Write(b => FrameWriter.WriteCallResult(b, "19223201", OcppActions.StatusNotification, new StatusNotificationResponse()));

        Assert.Equal("""[3,"19223201",{}]""", text);
    }

    [Fact]
    public void CallError_is_written_as_type_4_id_code_description_and_empty_details()
    {
        var text = Write(b => FrameWriter.WriteCallError(b, "19223201", OcppErrorCode.NotSupported, "Reset is not supported"));

        Assert.Equal("""[4,"19223201","NotSupported","Reset is not supported",{}]""", text);
    }

    [Fact]
    public void CallError_code_keeps_the_specification_spelling_of_OccurenceConstraintViolation()
    {
        var text = Write(b => FrameWriter.WriteCallError(b, "a", OcppErrorCode.OccurenceConstraintViolation, "required property 'idTag' is missing"));

        Assert.Equal("""[4,"a","OccurenceConstraintViolation","required property 'idTag' is missing",{}]""", text);
    }

    [Fact]
    public void Description_is_escaped_as_json_but_stays_readable()
    {
        var text = Write(b => FrameWriter.WriteCallError(b, "a", OcppErrorCode.PropertyConstraintViolation, "'Énergie' is not a \"Measurand\" <value>\n"));

        Assert.Equal("""[4,"a","PropertyConstraintViolation","'Énergie' is not a \"Measurand\" <value>\n",{}]""", text);
    }

    [Fact]
    public void Every_error_code_is_written_with_its_member_name()
    {
        foreach (var code in Enum.GetValues<OcppErrorCode>())
        {
            var read = FrameReader.Read(Encoding.UTF8.GetBytes(Write(b => FrameWriter.WriteCallError(b, "a", code, "d"))));

            Assert.True(read.IsValid);
            Assert.Equal(code.ToString(), read.Frame.ErrorCode);
        }
    }

    [Theory]
    [MemberData(nameof(MessageCatalog.NameData), MemberType = typeof(MessageCatalog))]
    public void Written_frame_of_every_message_is_read_back_with_the_same_payload(string name)
    {
        var (actionName, isResponse) = MessageCatalog.Parse(name);
        Assert.True(OcppActions.TryGet(actionName, out var action));
        var sample = MessageCatalog.Full(name);

        var text = Write(b =>
        {
            if (isResponse)
            {
                FrameWriter.WriteCallResult(b, "19223201", action, (IOcppResponse)sample);
            }
            else
            {
                FrameWriter.WriteCall(b, "19223201", action, (IOcppRequest)sample);
            }
        });
        var read = FrameReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.True(read.IsValid, read.Error);
        Assert.Equal(isResponse ? MessageTypeId.CallResult : MessageTypeId.Call, read.Frame.MessageType);
        Assert.Equal(isResponse ? null : actionName, read.Frame.Action);
        Assert.Equal(MessageCatalog.Write(name, sample), Encoding.UTF8.GetString(read.Frame.Payload.Span));
    }

    private static string Write(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
