namespace Ocpp16.Testing;

/// <summary>
/// Bounds every await of a test in real time, so a bug shows as a failed test instead of a hung
/// run. Only for waiting on events; behaviour with intervals runs on a FakeTimeProvider.
/// </summary>
public static class TestTimeouts
{
    /// <summary>How long a test waits for something that should happen at once. Generous: CI machines are slow.</summary>
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Fails with a <see cref="TimeoutException"/> unless <paramref name="task"/> completes within <see cref="Default"/>.</summary>
    public static Task OrTimeout(this Task task) => task.WaitAsync(Default, TimeProvider.System);

    /// <summary>Fails with a <see cref="TimeoutException"/> unless <paramref name="task"/> completes within <see cref="Default"/>.</summary>
    public static Task<T> OrTimeout<T>(this Task<T> task) => task.WaitAsync(Default, TimeProvider.System);

    /// <summary>Fails with a <see cref="TimeoutException"/> unless <paramref name="task"/> completes within <see cref="Default"/>.</summary>
    public static Task<T> OrTimeout<T>(this ValueTask<T> task) => task.AsTask().OrTimeout();

    /// <summary>Fails with a <see cref="TimeoutException"/> unless <paramref name="task"/> completes within <see cref="Default"/>.</summary>
    public static Task OrTimeout(this ValueTask task) => task.AsTask().OrTimeout();
}
