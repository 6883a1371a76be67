using System.Buffers;
using BenchmarkDotNet.Attributes;
using Ocpp16.Framing;
using Ocpp16.Messages;

namespace Station.Benchmarks.Codec;

/// <summary>
/// How long does it take to write a frame? The send path of RpcConnection: FrameWriter.WriteCall
/// or WriteCallResult into a buffer the connection reuses.
/// </summary>
[MemoryDiagnoser]
public class FrameEncodeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private ShapeSample _sample = null!;

    [Params(MessageShape.Heartbeat, MessageShape.StartTransaction, MessageShape.MeterValues4, MessageShape.GetConfiguration24)]
    public MessageShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sample = ShapeSamples.For(Shape);
        SampleCheck.SampleIsSchemaValid(_sample);
        Encode();
        SampleCheck.EncodedEqualsSample(_sample, _buffer.WrittenSpan);
    }

    [Benchmark]
    public int Encode()
    {
        _buffer.ResetWrittenCount();
        if (_sample.FrameType == MessageTypeId.Call)
        {
            FrameWriter.WriteCall(_buffer, ShapeSample.MessageId, _sample.Action, (IOcppRequest)_sample.Payload);
        }
        else
        {
            FrameWriter.WriteCallResult(_buffer, ShapeSample.MessageId, _sample.Action, (IOcppResponse)_sample.Payload);
        }

        return _buffer.WrittenCount;
    }
}
