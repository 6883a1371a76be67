namespace Station.Security.Events;

/// <summary>
/// One reading shared by every station of a process (a fleet): the memory and the data volume are
/// the process's, so the stations of a fleet would otherwise read the same figures thousands of
/// times a minute. The inner gauge is read at most once per <paramref name="maxAge"/>.
/// </summary>
public sealed class SharedResourceGauge(IResourceGauge inner, TimeSpan maxAge, TimeProvider timeProvider) : IResourceGauge
{
    private readonly Lock _gate = new();
    private ResourceReading? _last;
    private long _readAt;

    /// <inheritdoc/>
    public ResourceReading Read()
    {
        lock (_gate)
        {
            if (_last is not { } last || timeProvider.GetElapsedTime(_readAt) >= maxAge)
            {
                last = inner.Read();
                (_last, _readAt) = (last, timeProvider.GetTimestamp());
            }

            return last;
        }
    }
}
