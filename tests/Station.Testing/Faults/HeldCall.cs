using Ocpp16.Testing;

namespace Station.Testing.Faults;

/// <summary>A store call stopped before its commit, until the test lets it through or loses it.</summary>
public sealed class HeldCall
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _verdict = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the station made the call (it is blocked now).</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the call commit.</summary>
    public void Release() => _verdict.TrySetResult(true);

    /// <summary>The power went: the call fails without writing anything.</summary>
    public void Lose() => _verdict.TrySetResult(false);

    // Holds the station's write (and the lock it holds), bounded so a forgotten verdict fails instead of hanging.
    internal async Task<bool> WaitAsync()
    {
        _reached.TrySetResult();
        return await _verdict.Task.WaitAsync(TestTimeouts.Default * 3, TimeProvider.System).ConfigureAwait(false);
    }
}
