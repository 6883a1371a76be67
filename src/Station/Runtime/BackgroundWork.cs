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
    private readonly Lock _idleGate = new();
    private TaskCompletionSource? _idle;
    private int _nextId;
    private int _disposed;

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
        lock (_idleGate)
        {
            // Recorded before it starts, so an idle barrier never misses it.
            _running[id] = Task.CompletedTask;
        }

        var task = Task.Run(() => RunLoggedAsync(id, name, work));

        // Only if it has not finished (and removed itself) already.
        _running.TryUpdate(id, task, Task.CompletedTask);
    }

    /// <summary>Completes when no background work runs (a barrier for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_idleGate)
        {
            if (_running.IsEmpty)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Idempotent, as DisposeAsync must be: a second call would cancel a disposed source.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);

        // The source is not disposed: work started in a race with this call still reads its token,
        // and a source without a timer holds nothing that needs releasing.
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
            Finished(id);
        }
    }

    private void Finished(int id)
    {
        lock (_idleGate)
        {
            _running.TryRemove(id, out _);
            if (_running.IsEmpty && _idle is { } idle)
            {
                _idle = null;
                idle.TrySetResult();
            }
        }
    }
}
