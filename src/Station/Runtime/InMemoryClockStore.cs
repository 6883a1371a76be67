namespace Station.Runtime;

/// <summary>A clock store that forgets at every restart (tests, stations without storage).</summary>
public sealed class InMemoryClockStore : IClockStore
{
    private long? _offsetTicks;

    /// <inheritdoc/>
    public TimeSpan? LoadOffset() => _offsetTicks is { } ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <inheritdoc/>
    public void SaveOffset(TimeSpan offset) => _offsetTicks = offset.Ticks;
}
