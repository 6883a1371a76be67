using BenchmarkDotNet.Attributes;
using Ocpp16.Framing;
using Ocpp16.Json;
using Ocpp16.Messages;

namespace Station.Benchmarks.Codec;

/// <summary>
/// How long does it take to read a received frame and bind its payload with full validation?
/// The receive path of RpcConnection: FrameReader.Read, the action lookup of a CALL (a CALLRESULT
/// takes its action from the pending call), then the structural pass and the source-generated bind.
/// </summary>
[MemoryDiagnoser]
public class FrameDecodeBenchmarks
{
    private ShapeSample _sample = null!;
    private ReadOnlyMemory<byte> _frame;
    private OcppMessageType _answerType = null!;

    [Params(MessageShape.Heartbeat, MessageShape.StartTransaction, MessageShape.MeterValues4, MessageShape.GetConfiguration24)]
    public MessageShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sample = ShapeSamples.For(Shape);
        _frame = _sample.FrameBytes;
        _answerType = _sample.Action.Response;
        SampleCheck.SampleIsSchemaValid(_sample);
        SampleCheck.DecodedEqualsSample(_sample, Decode());
    }

    [Benchmark]
    public IOcppMessage Decode()
    {
        var read = FrameReader.Read(_frame);
        if (!read.IsValid)
        {
            throw new InvalidOperationException(read.Error);
        }

        var frame = read.Frame;
        var payloadType = frame.MessageType == MessageTypeId.Call
            ? (OcppActions.TryGet(frame.Action!, out var action) ? action.Request : throw new InvalidOperationException($"unknown action {frame.Action}"))
            : _answerType;
        return payloadType.TryRead(frame.Payload.Span, out var message, out var error)
            ? message
            : throw new InvalidOperationException(Describe(error));
    }

    private static string Describe(PayloadError error) => $"{error.Code}: {error.Description}";
}
