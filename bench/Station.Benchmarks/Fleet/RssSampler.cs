namespace Station.Benchmarks.Fleet;

/// <summary>The fleet processes' resident memory (whole process tree) once a second: the peak of the run and the mean of the steady phase.</summary>
internal sealed class RssSampler(IReadOnlyCollection<int> roots)
{
    private readonly Lock _gate = new();
    private bool _steady;
    private long _steadySum;
    private int _steadyCount;

    public long PeakBytes { get; private set; }

    public long SteadyBytes
    {
        get
        {
            lock (_gate)
            {
                return _steadyCount == 0 ? 0 : _steadySum / _steadyCount;
            }
        }
    }

    public void BeginSteady()
    {
        lock (_gate)
        {
            _steady = true;
        }
    }

    public void EndSteady()
    {
        lock (_gate)
        {
            _steady = false;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), TimeProvider.System);
        try
        {
            do
            {
                var (rss, _) = ProcessTree.Measure(roots);
                lock (_gate)
                {
                    PeakBytes = Math.Max(PeakBytes, rss);
                    if (_steady)
                    {
                        _steadySum += rss;
                        _steadyCount++;
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
