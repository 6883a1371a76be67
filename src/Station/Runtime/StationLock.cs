namespace Station.Runtime;

/// <summary>
/// The one lock of a station instance. Every entry point (a hardware event, an incoming CALL, a
/// timer, the answer to an outgoing CALL) takes it before touching block state; code inside the
/// blocks assumes it is held and never takes it again. It is never held across a network wait:
/// outgoing CALLs are awaited outside it. One lock per station, never global, so thousands of
/// stations run in parallel.
/// </summary>
public sealed class StationLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Whether some entry point holds the lock now (diagnostics and tests).</summary>
    public bool IsHeld => _gate.CurrentCount == 0;

    /// <summary>Waits for the lock; dispose the result to release it.</summary>
    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_gate);
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>Releases the lock when disposed.</summary>
    public readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => gate.Release();
    }
}
