namespace Station.Host.Fleet;

/// <summary>Samples the fleet once a second for the report's time series (throughput, connected stations).</summary>
internal sealed class FleetSampler(FleetRunner fleet, TimeProvider timeProvider)
{
    private readonly List<FleetSample> _samples = [];

    public IReadOnlyList<FleetSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        try
        {
            do
            {
                var c = fleet.Counts();
                lock (_samples)
                {
                    _samples.Add(new FleetSample(timeProvider.GetElapsedTime(start).TotalSeconds, c.Sent, c.Received, c.Connected, c.Booted, c.Charging));
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
