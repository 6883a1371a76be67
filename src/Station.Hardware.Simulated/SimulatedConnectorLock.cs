namespace Station.Hardware.Simulated;

/// <summary>A cable lock that can be told to jam, for the unlock-failure and lock-failure cases.</summary>
public sealed class SimulatedConnectorLock : IConnectorLock
{
    private volatile bool _locked;

    /// <summary>When true, the lock neither opens nor closes (TC_024, TC_030).</summary>
    public bool Jammed { get; set; }

    /// <inheritdoc/>
    public bool IsLocked => _locked;

    /// <inheritdoc/>
    public ValueTask<bool> LockAsync(CancellationToken cancellationToken = default)
    {
        if (!Jammed)
        {
            _locked = true;
        }

        return ValueTask.FromResult(_locked);
    }

    /// <inheritdoc/>
    public ValueTask<UnlockOutcome> UnlockAsync(CancellationToken cancellationToken = default)
    {
        if (Jammed)
        {
            return ValueTask.FromResult(UnlockOutcome.Failed);
        }

        _locked = false;
        return ValueTask.FromResult(UnlockOutcome.Unlocked);
    }
}
