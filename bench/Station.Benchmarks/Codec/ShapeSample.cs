using System.Text;
using Ocpp16.Framing;
using Ocpp16.Messages;

namespace Station.Benchmarks.Codec;

/// <summary>
/// One message shape: the frame as it travels (written by hand, not by the codec under test), the
/// typed payload it carries, and for the RPC benchmark the request/answer pair of its exchange.
/// </summary>
public sealed class ShapeSample
{
    /// <summary>The message id of every sample frame: 32 hex digits, as RpcConnection makes them.</summary>
    public const string MessageId = "0f8e1d2c3b4a59687766554433221100";

    public required MessageShape Shape { get; init; }

    public required OcppAction Action { get; init; }

    /// <summary>CALL (a request) or CALLRESULT (an answer).</summary>
    public required MessageTypeId FrameType { get; init; }

    /// <summary>The payload of the frame: an <see cref="IOcppRequest"/> for a CALL, an <see cref="IOcppResponse"/> for a CALLRESULT.</summary>
    public required IOcppMessage Payload { get; init; }

    /// <summary>The exact wire text of the frame.</summary>
    public required string FrameText { get; init; }

    /// <summary>The request of the RPC exchange this shape belongs to.</summary>
    public required IOcppRequest ExchangeRequest { get; init; }

    /// <summary>The answer of the RPC exchange this shape belongs to.</summary>
    public required IOcppResponse ExchangeResponse { get; init; }

    public byte[] FrameBytes => Encoding.UTF8.GetBytes(FrameText);

    /// <summary>The schema-relevant type of the payload: the request or the response of <see cref="Action"/>.</summary>
    public OcppMessageType PayloadType => FrameType == MessageTypeId.Call ? Action.Request : Action.Response;

    public override string ToString() => Shape.ToString();
}
