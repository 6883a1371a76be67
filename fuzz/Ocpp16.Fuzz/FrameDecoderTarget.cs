using System.Buffers;
using System.Text.Json;
using Ocpp16.Framing;
using Ocpp16.Json;
using Ocpp16.Messages;

namespace Ocpp16.Fuzz;

/// <summary>
/// What one fuzzer input goes through: the frame reader, then the binding of its payload as the
/// request of its action (a CALL) or as the response of every action (a CALLRESULT, strictly and
/// leniently), and for every payload accepted a write and a second read. Any exception is a crash
/// for AFL: the decoder promises a refusal value for every input, never an exception.
/// </summary>
internal static class FrameDecoderTarget
{
    public static void Decode(byte[] input)
    {
        var read = FrameReader.Read(input);
        if (!read.IsValid)
        {
            Require(!string.IsNullOrEmpty(read.Error) && Enum.IsDefined(read.ErrorCode), "a refusal without an error code and a description");
            return;
        }

        var frame = read.Frame;
        Require(frame.MessageId.Length <= FrameReader.MaxMessageIdLength, "a message id longer than 36 characters was accepted");
        switch (frame.MessageType)
        {
            case MessageTypeId.Call:
                if (OcppActions.TryGet(frame.Action!, out var action))
                {
                    Bind(action.Request, frame.Payload.Span);
                }

                break;
            case MessageTypeId.CallResult:
                foreach (var answered in OcppActions.All)
                {
                    Bind(answered.Response, frame.Payload.Span);
                    BindLeniently(answered.Response, frame.Payload.Span);
                }

                break;
            default:
                Require(frame.ErrorCode is not null && frame.ErrorDescription is not null, "a CALLERROR without code or description");
                break;
        }
    }

    private static void Bind(OcppMessageType type, ReadOnlySpan<byte> payload)
    {
        if (type.TryRead(payload, out var message, out var error))
        {
            RoundTrip(type, message);
            return;
        }

        Require(!string.IsNullOrEmpty(error.Description) && Enum.IsDefined(error.Code), $"{type.ClrType.Name}: a refusal without an error code and a description");
    }

    private static void BindLeniently(OcppMessageType type, ReadOnlySpan<byte> payload)
    {
        if (LenientPayload.TryRead(type, payload, out var message, out var error, out _))
        {
            RoundTrip(type, message!);
            return;
        }

        Require(!string.IsNullOrEmpty(error.Description) && Enum.IsDefined(error.Code), $"{type.ClrType.Name}: a lenient refusal without an error code and a description");
    }

    // What the codec accepted it must be able to write, and what it wrote it must accept.
    private static void RoundTrip(OcppMessageType type, IOcppMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            type.Write(writer, message);
        }

        Require(type.TryRead(buffer.WrittenSpan, out _, out var again), $"{type.ClrType.Name}: an accepted payload written back is refused ({again.Code}: {again.Description})");
    }

    private static void Require(bool condition, string broken)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"decoder invariant broken: {broken}");
        }
    }
}
