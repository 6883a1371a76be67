namespace CentralSystem.Tests.Support;

/// <summary>
/// Waits on log lines as they are written: how a test learns that the server reached a point it
/// cannot otherwise observe (an HTTP request that has started waiting), without sleeping.
/// </summary>
public sealed class LogWaits
{
    private readonly Lock _lock = new();
    private readonly List<(string Fragment, TaskCompletionSource Done)> _waits = [];

    /// <summary>The collector's output sink: called with every formatted log line.</summary>
    public void Offer(string line)
    {
        lock (_lock)
        {
            foreach (var wait in _waits.Where(wait => line.Contains(wait.Fragment, StringComparison.Ordinal)).ToList())
            {
                wait.Done.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }

    public Task WaitAsync(string fragment)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waits.Add((fragment, done));
        }

        return done.Task;
    }
}
