namespace Station.Hardware;

/// <summary>
/// The lock that holds a detachable cable in the socket. A connector with a fixed cable has none.
/// </summary>
public interface IConnectorLock
{
    /// <summary>Whether the cable is held now.</summary>
    bool IsLocked { get; }

    /// <summary>Locks the cable in the socket; false when the lock could not close.</summary>
    ValueTask<bool> LockAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases the cable.</summary>
    ValueTask<UnlockOutcome> UnlockAsync(CancellationToken cancellationToken = default);
}
