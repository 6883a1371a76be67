using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Station.Runtime;

/// <summary>
/// Work a station starts without awaiting it (after a CALLRESULT, on a timer, after a card is
/// read): tracked, so that stopping the station cancels and awaits it, and logged when it fails.
/// </summary>
public sealed class BackgroundWork : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private int _nextId;

    /// <summary>Creates the tracker.</summary>
    public BackgroundWork(ILogger logger) => _logger = logger;

    /// <summary>Cancelled when the station stops.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts <paramref name="work"/> now, on the thread pool.</summary>
    public void Run(string name, Func<CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        var task = Task.Run(() => RunLoggedAsync(id, name, work));
        _running[id] = task;
        if (task.IsCompleted)
        {
            // It finished before it was recorded; its own removal already ran.
            _running.TryRemove(id, out _);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunLoggedAsync(int id, string name, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            RuntimeLog.BackgroundWorkFailed(_logger, name, ex);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }
}
