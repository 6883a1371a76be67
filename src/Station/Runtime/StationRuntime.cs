using Microsoft.Extensions.Logging;

namespace Station.Runtime;

/// <summary>
/// What every block of one station instance shares: the station lock, the clock, tracked
/// background work and logging.
/// </summary>
public sealed class StationRuntime : IAsyncDisposable
{
    /// <summary>
    /// How far a synchronisation must move the clock to count as a jump: then what was timed on the
    /// old clock and not sent yet is corrected (pitfall 7), and the new offset is persisted. Smaller
    /// moves are the round-trip noise of Heartbeat answers.
    /// </summary>
    public static readonly TimeSpan ClockJumpThreshold = TimeSpan.FromSeconds(1);

    private readonly IClockStore _clockStore;
    private readonly ILogger _logger;

    // The round trip of the answer the clock's offset was last taken from (under the station lock).
    private TimeSpan _lastRoundTrip;

    /// <summary>Creates the runtime of one station instance, its clock offset taken from <paramref name="clockStore"/>.</summary>
    public StationRuntime(TimeProvider timeProvider, ILoggerFactory loggerFactory, IClockStore? clockStore = null)
    {
        Clock = new StationClock(timeProvider);
        LoggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Station.Runtime");
        Background = new BackgroundWork(_logger);
        _clockStore = clockStore ?? new InMemoryClockStore();
        if (_clockStore.LoadOffset() is { } offset)
        {
            Clock.Restore(offset);
        }
    }

    /// <summary>
    /// Raised under the station lock when the clock jumped by at least <see cref="ClockJumpThreshold"/>,
    /// with how far: blocks correct the times they took on the old clock and have not reported yet.
    /// </summary>
    public event Action<TimeSpan>? ClockJumped;

    /// <summary>
    /// Raised, from the thread that failed, when a block could not write its state because the
    /// storage is full (<see cref="StorageFull"/>), with the failure: the security block turns it into
    /// the security event MemoryExhaustion. Blocks report with <see cref="ReportStorageFailure"/>.
    /// </summary>
    public event Action<Exception>? StorageExhausted;

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

    /// <summary>
    /// Takes the Central System's time (BootNotification, Heartbeat) under the station lock, so that
    /// nothing is timed between the jump and its correction; persists the offset when it jumped.
    /// </summary>
    public Task SynchronizeClockAsync(DateTimeOffset centralSystemTime, CancellationToken cancellationToken = default) =>
        SynchronizeClockAsync(centralSystemTime, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Takes the Central System's time from an answer that took <paramref name="roundTrip"/> from the
    /// request's start to its answer (as <see cref="SynchronizeClockAsync(DateTimeOffset, CancellationToken)"/>).
    /// </summary>
    /// <remarks>
    /// The Central System read its clock somewhere within that round trip, so the learnt offset is
    /// uncertain by up to the round trip, and so was the previous one by its own: a move within the
    /// larger of the two (plus <see cref="ClockJumpThreshold"/>) is the network's or the Central
    /// System's delay, not a clock that jumped. Without that, a Central System answering in 2 s
    /// under load made every station report SettingSystemTime (a SecurityEventNotification, a
    /// store write, the stored times shifted) at every boot and at every slower Heartbeat.
    /// </remarks>
    public async Task SynchronizeClockAsync(DateTimeOffset centralSystemTime, TimeSpan roundTrip, CancellationToken cancellationToken = default)
    {
        using (await Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var moved = Clock.Synchronize(centralSystemTime);
            var uncertainty = roundTrip > _lastRoundTrip ? roundTrip : _lastRoundTrip;
            _lastRoundTrip = roundTrip < TimeSpan.Zero ? TimeSpan.Zero : roundTrip;
            var jumped = moved.Duration() >= ClockJumpThreshold + uncertainty;
            if (!jumped && _clockStore.LoadOffset() is not null)
            {
                return;
            }

            _clockStore.SaveOffset(Clock.Offset);
            if (jumped)
            {
                RuntimeLog.ClockJumped(_logger, moved.TotalSeconds);
                ClockJumped?.Invoke(moved);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="failure"/> is the storage being full: SQLite's SQLITE_FULL (13, "database or
    /// disk is full") in a <see cref="System.Data.Common.DbException"/>, or an
    /// I/O error for a full disk (ENOSPC; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL on Windows).
    /// </summary>
    public static bool StorageFull(Exception failure)
    {
        const int SqliteFull = 13;
        for (var current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Microsoft.Data.Sqlite keeps the code in its own property, and its message carries SQLite's fixed text for it.
                case System.Data.Common.DbException db when db.ErrorCode == SqliteFull || db.Message.Contains("database or disk is full", StringComparison.Ordinal):
                    return true;
                case IOException io when OperatingSystem.IsWindows() ? (io.HResult & 0xFFFF) is 0x70 or 0x27 : io.HResult == 28:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tells the station that a write of its state failed; when the storage is full this raises
    /// <see cref="StorageExhausted"/>. A storage failure of the report itself is swallowed: it is called
    /// from the handlers of failed writes, which log their own failure.
    /// </summary>
    public void ReportStorageFailure(Exception failure)
    {
        if (!StorageFull(failure))
        {
            return;
        }

        try
        {
            StorageExhausted?.Invoke(failure);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // Reporting a full disk must not fail the block that met it; the block logs its own failure.
        }
    }

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
