using System.Collections.Concurrent;
using System.Diagnostics;
using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Rpc;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Watches the Central System for booted stations: a station is booted once its StatusNotifications
/// of connector 0 and connector 1 have been answered (so its BootNotification was accepted). Needs no
/// frame history: it counts on the FrameRecorded event.
/// </summary>
internal sealed class BootTracker : IDisposable
{
    private const int StatusNotificationsAtBoot = 2;

    private readonly CentralSystemServer _csms;
    private readonly ConcurrentDictionary<string, int> _answered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _bootedAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private (int Count, TaskCompletionSource Done)? _waiting;

    public BootTracker(CentralSystemServer csms)
    {
        _csms = csms;
        csms.FrameRecorded += OnFrame;
    }

    public int Booted => _bootedAt.Count;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which each station was booted.</summary>
    public IReadOnlyDictionary<string, long> BootedAt => _bootedAt;

    /// <summary>Completes once <paramref name="count"/> stations in all have booted.</summary>
    public Task WaitForAsync(int count)
    {
        lock (_gate)
        {
            if (Booted >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting = (count, done);
            return done.Task;
        }
    }

    public void Dispose() => _csms.FrameRecorded -= OnFrame;

    private void OnFrame(object? sender, RecordedFrame frame)
    {
        if (frame.Direction != FrameDirection.Sent || frame.MessageType != MessageTypeId.CallResult || frame.Action != "StatusNotification")
        {
            return;
        }

        if (_answered.AddOrUpdate(frame.ChargePointId, 1, (_, n) => n + 1) == StatusNotificationsAtBoot)
        {
            _bootedAt.TryAdd(frame.ChargePointId, Stopwatch.GetTimestamp());
            lock (_gate)
            {
                if (_waiting is { } waiting && Booted >= waiting.Count)
                {
                    _waiting = null;
                    waiting.Done.TrySetResult();
                }
            }
        }
    }
}
