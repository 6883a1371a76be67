using System.Buffers;
using System.Text;
using System.Text.Json;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Testing;

namespace Station.Benchmarks.Codec;

/// <summary>
/// The checks each codec benchmark runs on its own result in [GlobalSetup]: a benchmark that
/// measures the wrong thing (a refused frame, a different payload, text that breaks the schema)
/// fails instead of printing a number.
/// </summary>
public static class SampleCheck
{
    /// <summary>The hand-written frame of the sample is a valid frame whose payload satisfies the official schema.</summary>
    public static void SampleIsSchemaValid(ShapeSample sample)
    {
        var read = FrameReader.Read(sample.FrameBytes);
        Require(read.IsValid, sample, $"the sample frame is refused: {read.Error}");
        var payload = Encoding.UTF8.GetString(read.Frame.Payload.Span);
        var errors = OcppSchemas.Errors(sample.Action.Name, sample.FrameType == MessageTypeId.CallResult, payload);
        Require(errors.Count == 0, sample, $"the sample payload breaks the official schema: {string.Join("; ", errors)}");
    }

    /// <summary>A decoded message is the sample's payload: same type, and it writes back to exactly the same JSON.</summary>
    public static void DecodedEqualsSample(ShapeSample sample, IOcppMessage decoded)
    {
        Require(decoded.GetType() == sample.Payload.GetType(), sample, $"decoded a {decoded.GetType().Name}, expected a {sample.Payload.GetType().Name}");

        // Records compare lists by reference, so equality is checked on the canonical JSON of both.
        var expected = PayloadJson(sample.PayloadType, sample.Payload);
        var actual = PayloadJson(sample.PayloadType, decoded);
        Require(actual == expected, sample, $"decoded payload differs:\n  expected {expected}\n  decoded  {actual}");
        Require(sample.FrameText.Contains(actual, StringComparison.Ordinal), sample, $"decoded payload does not round-trip to the wire text: {actual}");
    }

    /// <summary>An encoded frame is exactly the hand-written wire text of the sample.</summary>
    public static void EncodedEqualsSample(ShapeSample sample, ReadOnlySpan<byte> encoded)
    {
        var text = Encoding.UTF8.GetString(encoded);
        Require(text == sample.FrameText, sample, $"encoded frame differs:\n  expected {sample.FrameText}\n  encoded  {text}");
    }

    /// <summary>An answer received over RPC equals the answer the peer was given.</summary>
    public static void AnswerEqualsSample(ShapeSample sample, IOcppResponse answer)
    {
        var type = sample.Action.Response;
        var expected = PayloadJson(type, sample.ExchangeResponse);
        var actual = PayloadJson(type, answer);
        Require(answer.GetType() == sample.ExchangeResponse.GetType() && actual == expected, sample, $"RPC answer differs:\n  expected {expected}\n  received {actual}");
    }

    public static void Require(bool condition, ShapeSample sample, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"benchmark self-check failed for {sample.Shape}: {problem}");
        }
    }

    private static string PayloadJson(OcppMessageType type, IOcppMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            type.Write(writer, message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
