using Microsoft.Extensions.Logging;

namespace Station.Runtime;

/// <summary>
/// What every block of one station instance shares: the station lock, the clock, tracked
/// background work and logging.
/// </summary>
public sealed class StationRuntime : IAsyncDisposable
{
    /// <summary>Creates the runtime of one station instance.</summary>
    public StationRuntime(TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        Clock = new StationClock(timeProvider);
        LoggerFactory = loggerFactory;
        Background = new BackgroundWork(loggerFactory.CreateLogger("Station.Runtime"));
    }

    /// <summary>The station lock (see <see cref="StationLock"/> for the rule).</summary>
    public StationLock Lock { get; } = new();

    /// <summary>The station's wall clock.</summary>
    public StationClock Clock { get; }

    /// <summary>Work started without awaiting it.</summary>
    public BackgroundWork Background { get; }

    /// <summary>Logging.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Cancelled when the station stops.</summary>
    public CancellationToken Stopping => Background.Stopping;

    /// <summary>Runs <paramref name="work"/> in the background under the station lock.</summary>
    public void RunLocked(string name, Func<CancellationToken, Task> work) =>
        Background.Run(name, async cancellationToken =>
        {
            using (await Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                await work(cancellationToken).ConfigureAwait(false);
            }
        });

    /// <summary>Runs <paramref name="work"/> in the background without the lock (it may await the network).</summary>
    public void Run(string name, Func<CancellationToken, Task> work) => Background.Run(name, work);

    /// <summary>Creates a stopped timer whose ticks run under the station lock.</summary>
    public StationTimer CreateTimer(string name, Func<CancellationToken, Task> onTick) => new(this, name, onTick);

    /// <summary>Creates a stopped timer whose ticks run under the station lock.</summary>
    public StationTimer CreateTimer(string name, Action onTick) => new(this, name, _ =>
    {
        onTick();
        return Task.CompletedTask;
    });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Background.DisposeAsync().ConfigureAwait(false);
        Lock.Dispose();
    }
}
