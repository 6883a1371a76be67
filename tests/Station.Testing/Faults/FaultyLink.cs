using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Station.Testing.Faults;

/// <summary>
/// A hostile network between the station and the Central System: a TCP relay on loopback that adds
/// latency, limits bandwidth (a slow reader on the other side), resets a connection in the middle of
/// what it carries, silently stops forwarding (a half-open connection: both sockets stay open), and
/// goes down and up (refusing dials meanwhile). Latency and bandwidth are paced on the
/// <see cref="TimeProvider"/> it is given: the harness's virtual clock in tests (the test lets the
/// time pass, see <see cref="FaultyNetworkRig.CarryAsync{T}"/>), the system clock for a benchmark.
/// </summary>
public sealed class FaultyLink : LoopbackRelay
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<RelayedConnection, byte> _blackholed = new();
    private readonly ConcurrentDictionary<NetworkStream, byte> _reading = new();
    private int _resetArmed;
    private int _holding;
    private int _pacing;
    private TaskCompletionSource _paced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultyLink(int targetPort, TimeProvider time)
        : base(targetPort)
    {
        _time = time;
    }

    /// <summary>Added to every chunk, each way.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Bytes per second each way; 0 is unlimited.</summary>
    public int BytesPerSecond { get; set; }

    /// <summary>
    /// Whether every chunk the link holds (read, not yet written on) waits on a delay of its time
    /// provider and no byte waits unread in a socket (between two chunks of a frame): then letting
    /// that time pass is what moves them on, nothing else is under way inside the link.
    /// </summary>
    public bool Settled => Volatile.Read(ref _holding) == Volatile.Read(ref _pacing) && !_reading.Keys.Any(HasUnread);

    /// <summary>Chunks waiting on a delay of the time provider now.</summary>
    public int Pacing => Volatile.Read(ref _pacing);

    /// <summary>Completes once a chunk waits on a delay of the time provider (at once if one does).</summary>
    public Task PacingAsync()
    {
        var paced = Volatile.Read(ref _paced).Task;
        return Pacing > 0 ? Task.CompletedTask : paced;
    }

    /// <summary>Starts relaying from a free loopback port to <paramref name="targetPort"/>, pacing on <paramref name="time"/> (the system clock unless given).</summary>
    public static FaultyLink Start(int targetPort, TimeProvider? time = null)
    {
        var link = new FaultyLink(targetPort, time ?? TimeProvider.System);
        link.Up();
        return link;
    }

    /// <summary>The next chunk of at least <paramref name="minimumBytes"/> the station sends is cut in half: its first half goes through, then both sides get a reset.</summary>
    public void ResetInNextStationChunk(int minimumBytes) => Volatile.Write(ref _resetArmed, minimumBytes);

    /// <summary>Every open connection stops carrying anything, silently: no reset, no close, the sockets stay open. New connections work.</summary>
    public void Blackhole()
    {
        foreach (var connection in Connections)
        {
            _blackholed[connection] = 0;
        }
    }

    /// <summary>The link goes down: every connection is reset and dials are refused.</summary>
    public Task DownAsync() => CloseAsync();

    /// <summary>The link is up: dials are accepted again on the same port.</summary>
    public void Up() => Open();

    /// <inheritdoc/>
    protected override async Task PumpAsync(RelayedConnection connection, NetworkStream from, NetworkStream to, bool fromStation)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var limit = BytesPerSecond;
                var chunk = limit > 0 ? Math.Clamp(limit / 20, 1, buffer.Length) : buffer.Length;
                _reading[from] = 0;
                int read;
                try
                {
                    read = await from.ReadAsync(buffer.AsMemory(0, chunk)).ConfigureAwait(false);
                }
                finally
                {
                    _reading.TryRemove(from, out _);
                }

                if (read == 0)
                {
                    return;
                }

                if (_blackholed.ContainsKey(connection))
                {
                    // Half-open: read on, so the sender sees nothing wrong, and deliver nothing.
                    continue;
                }

                Interlocked.Increment(ref _holding);
                try
                {
                    // Store and forward: the chunk is on the far side after its latency and its time on the wire.
                    var delay = Latency + (limit > 0 ? TimeSpan.FromSeconds((double)read / limit) : TimeSpan.Zero);
                    if (delay > TimeSpan.Zero)
                    {
                        await PaceAsync(delay).ConfigureAwait(false);
                    }

                    var cut = fromStation ? TakeReset(read) : -1;
                    await to.WriteAsync(buffer.AsMemory(0, cut >= 0 ? cut : read)).ConfigureAwait(false);
                    if (cut >= 0)
                    {
                        await to.FlushAsync().ConfigureAwait(false);
                        connection.Drop();
                        return;
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _holding);
                }
            }
        }
        finally
        {
            _blackholed.TryRemove(connection, out _);
        }
    }

    private async Task PaceAsync(TimeSpan delay)
    {
        var waiting = Task.Delay(delay, _time);
        Interlocked.Increment(ref _pacing);
        Interlocked.Exchange(ref _paced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        try
        {
            await waiting.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _pacing);
        }
    }

    // Bytes in the socket a pump is about to read: they are on their way, not waiting for time.
    private static bool HasUnread(NetworkStream stream)
    {
        try
        {
            return stream.DataAvailable;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private int TakeReset(int chunk)
    {
        var armed = Volatile.Read(ref _resetArmed);
        return armed > 0 && chunk >= armed && Interlocked.CompareExchange(ref _resetArmed, 0, armed) == armed ? chunk / 2 : -1;
    }
}
