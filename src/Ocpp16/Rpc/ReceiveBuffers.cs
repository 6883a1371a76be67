using System.Buffers;
using System.Collections.Concurrent;

namespace Ocpp16.Rpc;

/// <summary>
/// The receive buffers of every connection in the process, lent for one message each: a
/// connection takes one when a message starts to arrive and gives it back once the message was
/// handled, so the buffers in use follow the messages in flight, not the connections open.
/// </summary>
internal static class ReceiveBuffers
{
    private const int InitialBytes = 4096;

    // A rare large message must not keep its buffer in the pool for the life of the process.
    private const int RetainedBytes = 64 * 1024;

    // More than the messages a 2-core process handles at once; a buffer beyond it is left to the GC.
    private const int MaxPooled = 256;

    private static readonly ConcurrentQueue<ArrayBufferWriter<byte>> Pool = new();

    public static ArrayBufferWriter<byte> Rent() => Pool.TryDequeue(out var buffer) ? buffer : new ArrayBufferWriter<byte>(InitialBytes);

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > RetainedBytes || Pool.Count >= MaxPooled)
        {
            return;
        }

        buffer.ResetWrittenCount();
        Pool.Enqueue(buffer);
    }
}
