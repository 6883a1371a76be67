using System.Buffers;

namespace Ocpp16.Transport;

/// <summary>
/// Moves whole OCPP-J text messages. Sends may come from several callers at once; receives come
/// from one loop.
/// </summary>
public interface IOcppTransport : IAsyncDisposable
{
    /// <summary>Sends one message; the buffer may be reused once the returned task completes.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Receives the next whole message into <paramref name="destination"/>; false once the peer closed.
    /// </summary>
    ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> destination, CancellationToken cancellationToken = default);

    /// <summary>Closes the connection with a reason the peer can read.</summary>
    Task CloseAsync(string reason, CancellationToken cancellationToken = default);
}
