namespace Station.Hardware.Simulated;

/// <summary>A relay that is what the station sets it to.</summary>
public sealed class SimulatedContactor : IContactor
{
    private readonly Action _changed;
    private volatile bool _closed;

    internal SimulatedContactor(Action changed) => _changed = changed;

    /// <inheritdoc/>
    public bool IsClosed => _closed;

    /// <inheritdoc/>
    public ValueTask SetClosedAsync(bool closed, CancellationToken cancellationToken = default)
    {
        // Settle the meter at the old power before the power changes.
        _changed();
        _closed = closed;
        return ValueTask.CompletedTask;
    }
}
