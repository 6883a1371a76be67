namespace Station.Host.Fleet;

/// <summary>
/// How many automatic drivers are awake (between a wake-up and their next wait). A driver is woken
/// inside the very callback that ends its wait (its timer firing, the status it waits for being
/// reported), so a test that advances virtual time timer by timer knows, once this is idle and the
/// stations' background work is done, that everything the last timer started has happened.
/// </summary>
internal sealed class DriverActivity
{
    private readonly Lock _gate = new();
    private int _awake;
    private long _version;
    private TaskCompletionSource? _idle;

    /// <summary>Counts every wake-up, so a barrier can tell whether anything woke while it waited.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _awake == 0;
            }
        }
    }

    public void Wake()
    {
        lock (_gate)
        {
            _awake++;
            _version++;
        }
    }

    public void Sleep()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_awake == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Completes when no driver is awake.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_awake == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
