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

    /// <summary>
    /// Completes when the next message (or the peer's close) starts to arrive, so that a receiver
    /// with thousands of idle connections takes a buffer for <see cref="ReceiveAsync"/> only then.
    /// The default completes at once.
    /// </summary>
    ValueTask WaitToReceiveAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>Closes the connection with a reason the peer can read.</summary>
    Task CloseAsync(string reason, CancellationToken cancellationToken = default);
}
