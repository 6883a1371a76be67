namespace Station.Benchmarks.Chaos;

/// <summary>The frames of the Central System process, read from its <c>--json</c> stdout as they come.</summary>
internal sealed class CsmsRecord
{
    private readonly Lock _gate = new();
    private readonly List<CsmsFrame> _frames = [];
    private int _lines;

    /// <summary>Raised for each frame, in order, on the reading thread: the kill "between send and answer" runs here.</summary>
    public event Action<CsmsFrame>? Arrived;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count;
            }
        }
    }

    public IReadOnlyList<CsmsFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Lines that were not frames besides the first (they would mean the record is incomplete).</summary>
    public int Unreadable { get; private set; }

    public void Attach(ChildProcess csms) => csms.StdoutLine += Add;

    /// <summary>The first frame at or after <paramref name="from"/> that matches, waiting up to <paramref name="timeout"/>; null then.</summary>
    public async Task<CsmsFrame?> WaitForAsync(int from, Func<CsmsFrame, bool> predicate, TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            lock (_gate)
            {
                for (var i = from; i < _frames.Count; i++)
                {
                    if (predicate(_frames[i]))
                    {
                        return _frames[i];
                    }
                }
            }

            if (TimeProvider.System.GetTimestamp() > deadline || giveUp?.Invoke() == true)
            {
                return null;
            }

            // Polling the record: a frame is a few milliseconds at most from being seen.
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System).ConfigureAwait(false);
        }
    }

    private void Add(TimedLine line)
    {
        CsmsFrame? frame;
        lock (_gate)
        {
            _lines++;
            try
            {
                frame = CsmsFrame.Parse(_frames.Count, line);
            }
            catch (System.Text.Json.JsonException)
            {
                frame = null;
            }

            if (frame is null)
            {
                if (_lines > 1)
                {
                    Unreadable++;
                }

                return;
            }

            _frames.Add(frame);
        }

        Arrived?.Invoke(frame);
    }
}
