namespace Ocpp16.Transport;

/// <summary>The server did not agree to the <c>ocpp1.6</c> subprotocol.</summary>
public sealed class SubprotocolRefusedException(Uri endpoint, string? agreed)
    : IOException($"{endpoint} did not agree to the WebSocket subprotocol {OcppWebSocketClient.SubProtocol} (it answered '{agreed ?? "none"}'); refusing the connection")
{
    /// <summary>The subprotocol the server answered with, if any.</summary>
    public string? Agreed { get; } = agreed;
}
