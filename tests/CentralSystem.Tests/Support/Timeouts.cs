namespace CentralSystem.Tests.Support;

/// <summary>Every wait in these tests is bounded in real time; nothing sleeps.</summary>
public static class Timeouts
{
    /// <summary>Generous for a loaded CI machine; a passing test takes milliseconds.</summary>
    public static readonly TimeSpan Test = TimeSpan.FromSeconds(10);

    /// <summary>How long a test waits to be sure something does not happen.</summary>
    public static readonly TimeSpan Absence = TimeSpan.FromMilliseconds(200);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Test, TimeProvider.System);

    public static Task Bounded(this Task task) => task.WaitAsync(Test, TimeProvider.System);

    /// <summary>True when <paramref name="task"/> is still pending after <see cref="Absence"/>.</summary>
    public static async Task<bool> StaysPending(this Task task)
    {
        try
        {
            await task.WaitAsync(Absence, TimeProvider.System);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }
}
