using System.Collections.Concurrent;

namespace Station.Storage.Sqlite;

/// <summary>
/// The one thread that runs the asynchronous writes of a fleet's shared file. Writers queue their
/// work and await it, so no caller (and no station lock held by one) waits on a pool thread while
/// the commit is on its way to the disk; whatever arrives during a commit goes into the next one, so
/// thousands of stations share a few commits. Started on the first queued write: a station's own
/// file, which commits on the caller (see <see cref="DatabaseFile.RunAsync"/>), never starts one.
/// </summary>
internal sealed class WriterThread(string name, Action<List<PendingWrite>> writeBatch) : IDisposable
{
    // Bounds one SQLite transaction; a longer queue is simply written in several commits.
    private const int MaxBatch = 512;

    private readonly BlockingCollection<PendingWrite> _queue = [];
    private readonly Lock _startGate = new();
    private Thread? _thread;

    /// <summary>Queues <paramref name="write"/>; after <see cref="Dispose"/> it fails with <see cref="ObjectDisposedException"/>.</summary>
    public void Post(PendingWrite write)
    {
        lock (_startGate)
        {
            if (_queue.IsAddingCompleted)
            {
                write.Finish(new ObjectDisposedException(name, "the station database is closed"));
                return;
            }

            _queue.Add(write);
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = name };
                _thread.Start();
            }
        }
    }

    /// <summary>Writes what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_startGate)
        {
            _queue.CompleteAdding();
            thread = _thread;
        }

        thread?.Join();
        _queue.Dispose();
    }

    private void Loop()
    {
        var batch = new List<PendingWrite>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            try
            {
                writeBatch(batch);
            }
#pragma warning disable CA1031 // The thread must outlive a failed batch: its writers learn the failure, later ones still get written.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var write in batch)
                {
                    write.Finish(ex);
                }
            }

            batch.Clear();
        }
    }
}
