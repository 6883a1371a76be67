using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.External;

/// <summary>
/// Reads the csms process's live events (<c>GET /events</c>, Server-Sent Events) and keeps the
/// frames of one station, each stamped on arrival here. A difference of two stamps is the time
/// between the two frames at the csms plus the difference of their push delays, which are the same
/// path each time; so "csms sent the CALL → csms received the station's request" is measured on
/// one clock, free of the HTTP request that made the csms send it.
/// </summary>
internal sealed class CsmsEvents : IAsyncDisposable
{
    private readonly string _stationId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<SeenFrame> _frames = [];
    private readonly List<(long After, Func<SeenFrame, bool> Match, TaskCompletionSource<SeenFrame> Seen)> _waiters = [];
    private readonly Task _reading;
    private long? _session;
    private string? _broken;

    private CsmsEvents(string stationId, Stream stream)
    {
        _stationId = stationId;
        _reading = ReadAsync(stream, _stop.Token);
    }

    /// <summary>The sequence of the latest frame seen, 0 before any.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count == 0 ? 0 : _frames[^1].Sequence;
            }
        }
    }

    public static async Task<CsmsEvents> ConnectAsync(HttpClient http, string stationId)
    {
        var stream = await http.GetStreamAsync(new Uri("/events", UriKind.Relative)).Bounded("the csms event stream");
        return new CsmsEvents(stationId, stream);
    }

    /// <summary>The frames after <paramref name="afterSequence"/>, up to the latest seen.</summary>
    public IReadOnlyList<SeenFrame> Since(long afterSequence)
    {
        lock (_gate)
        {
            return [.. _frames.Where(f => f.Sequence > afterSequence)];
        }
    }

    /// <summary>The first frame after <paramref name="afterSequence"/> that matches, seen already or to come.</summary>
    public Task<SeenFrame> NextAsync(long afterSequence, Func<SeenFrame, bool> match, string what)
    {
        TaskCompletionSource<SeenFrame> seen;
        lock (_gate)
        {
            if (_broken is not null)
            {
                throw new BenchmarkFailedException(_broken);
            }

            if (_frames.FirstOrDefault(f => f.Sequence > afterSequence && match(f)) is { } frame)
            {
                return Task.FromResult(frame);
            }

            seen = new TaskCompletionSource<SeenFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((afterSequence, match, seen));
        }

        return seen.Task.Bounded(what);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            try
            {
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
                {
                    var at = Stopwatch.GetTimestamp();
                    if (item.EventType == "frame")
                    {
                        OnFrame(at, item.Data);
                    }
                }

                Break("the csms event stream ended");
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                Break($"the csms event stream failed: {ex.Message}");
            }
        }
    }

    private void OnFrame(long at, string data)
    {
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement;
        if (root.GetProperty("chargePointId").GetString() != _stationId || root.GetProperty("frame").ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var session = root.GetProperty("session").GetInt64();
        var array = root.GetProperty("frame");
        var type = array[0].GetInt32();
        var frame = new SeenFrame(
            at,
            root.GetProperty("sequence").GetInt64(),
            root.GetProperty("direction").GetString() == "received",
            type,
            array[1].GetString() ?? string.Empty,
            root.TryGetProperty("action", out var action) ? action.GetString() ?? string.Empty : string.Empty,
            (type == 2 ? array[3] : array[2]).Clone());
        List<TaskCompletionSource<SeenFrame>>? matched = null;
        lock (_gate)
        {
            if ((_session ??= session) != session)
            {
                // A new connection numbers its frames from 1 again: every figure after this would be wrong.
                _broken = "the station reconnected during the run";
            }

            _frames.Add(frame);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (frame.Sequence > _waiters[i].After && _waiters[i].Match(frame))
                {
                    (matched ??= []).Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched?.ForEach(waiter => waiter.TrySetResult(frame));
        if (_broken is not null)
        {
            Break(_broken);
        }
    }

    private void Break(string why)
    {
        List<TaskCompletionSource<SeenFrame>> waiting;
        lock (_gate)
        {
            _broken ??= why;
            waiting = [.. _waiters.Select(w => w.Seen)];
            _waiters.Clear();
        }

        waiting.ForEach(waiter => waiter.TrySetException(new BenchmarkFailedException(why)));
    }
}
