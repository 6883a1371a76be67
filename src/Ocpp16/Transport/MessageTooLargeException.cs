namespace Ocpp16.Transport;

/// <summary>The peer sent a message larger than the transport accepts.</summary>
public sealed class MessageTooLargeException(int limit)
    : IOException($"a received message exceeds the limit of {limit} bytes")
{
    /// <summary>The limit in bytes.</summary>
    public int Limit { get; } = limit;
}
