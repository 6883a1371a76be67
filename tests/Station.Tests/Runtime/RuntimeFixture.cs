using Ocpp16.Testing;
using Station.Runtime;

namespace Station.Tests.Runtime;

/// <summary>A station runtime in virtual time whose logs a test can read; fails on unexpected Error logs when disposed.</summary>
internal sealed class RuntimeFixture : IAsyncDisposable
{
    public RuntimeFixture() => Runtime = new StationRuntime(Clock, Logs.CreateFactory());

    public VirtualClock Clock { get; } = new();

    public TestLogSink Logs { get; } = new();

    public StationRuntime Runtime { get; }

    /// <summary>Moves time forward timer by timer, letting each tick run at the time it was due.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var target = Clock.GetUtcNow() + delta;
        do
        {
            await Runtime.Background.WhenIdleAsync().OrTimeout();
        }
        while (Clock.StepTowards(target));

        await Runtime.Background.WhenIdleAsync().OrTimeout();
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync().AsTask().OrTimeout();
        Runtime.LoggerFactory.Dispose();
        Logs.AssertNoErrors();
    }
}
