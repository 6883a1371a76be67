using System.Text.Json;
using System.Threading.Channels;
using CentralSystem.Web;
using Microsoft.Extensions.Logging;
using Station.Host.Control;

namespace Station.Host.Dashboard;

/// <summary>
/// Publishes the station's state (the <c>GET /state</c> body) and its configuration keys as
/// <c>state</c> and <c>configuration</c> events whenever they differ from what was last sent.
/// The state is read again after every frame and every control request (nudges, coalesced), and
/// once a second while a page listens, for what changes without a frame: the meter, the connection.
/// Reading happens on the server; the page never polls.
/// </summary>
internal sealed class StationLiveFeed : IAsyncDisposable
{
    /// <summary>How often the state is read while anyone listens, when nothing nudged it.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly EventStream _stream;
    private readonly Func<CancellationToken, Task<StateBody>> _readState;
    private readonly Func<CancellationToken, Task<IReadOnlyList<ConfigurationKeyBody>?>> _readConfiguration;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _timer;
    private readonly Task _loop;
    private string? _lastState;
    private string? _lastConfiguration;

    public StationLiveFeed(
        EventStream stream,
        Func<CancellationToken, Task<StateBody>> readState,
        Func<CancellationToken, Task<IReadOnlyList<ConfigurationKeyBody>?>> readConfiguration,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _stream = stream;
        _readState = readState;
        _readConfiguration = readConfiguration;
        _logger = logger;
        _timer = timeProvider.CreateTimer(_ => Nudge(), null, Tick, Tick);
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Something may have changed: read the state again soon.</summary>
    public void Nudge() => _wake.Writer.TryWrite(true);

    /// <summary>A page subscribed: send it the state and configuration next time even if unchanged.</summary>
    public void ResendNext()
    {
        Volatile.Write(ref _lastState, null);
        Volatile.Write(ref _lastConfiguration, null);
        Nudge();
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _wake.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _wake.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                reader.TryRead(out _);
                if (_stream.HasSubscribers)
                {
                    await PublishChangesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task PublishChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var state = JsonSerializer.Serialize(await _readState(cancellationToken).ConfigureAwait(false), ControlJsonContext.Relaxed.StateBody);
            if (state != Volatile.Read(ref _lastState))
            {
                Volatile.Write(ref _lastState, state);
                _stream.Publish("state", state);
            }

            if (await _readConfiguration(cancellationToken).ConfigureAwait(false) is { } keys)
            {
                var configuration = JsonSerializer.Serialize(keys, DashboardJsonContext.Relaxed.IReadOnlyListConfigurationKeyBody);
                if (configuration != Volatile.Read(ref _lastConfiguration))
                {
                    Volatile.Write(ref _lastConfiguration, configuration);
                    _stream.Publish("configuration", configuration);
                }
            }
        }
        catch (ObjectDisposedException ex)
        {
            // The instance read was rebooting away; the next tick reads the new one.
            DashboardLog.StateUnreadable(_logger, ex.Message);
        }
    }
}
