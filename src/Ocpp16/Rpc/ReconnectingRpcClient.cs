using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Transport;

namespace Ocpp16.Rpc;

/// <summary>
/// The Charge Point side of OCPP-J over time: dials, serves the connection until it drops, waits
/// the back-off of <see cref="ReconnectPolicy"/> and dials again, for as long as it runs. Every
/// re-dial, including the first one after a dropped connection, waits its back-off.
/// </summary>
public sealed class ReconnectingRpcClient
{
    private readonly Func<CancellationToken, Task<IOcppTransport>> _connect;
    private readonly CallRouter _router;
    private readonly ReconnectPolicy _policy;
    private readonly RpcOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IFrameObserver? _observer;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly Func<double> _random;
    private RpcConnection? _connection;
    private CancellationTokenSource? _receiving;

    /// <summary>Creates the client; nothing is dialled before <see cref="RunAsync"/>.</summary>
    /// <param name="connect">Opens a transport; called for every attempt, so it can read current settings.</param>
    /// <param name="router">Serves the Central System's CALLs on every connection.</param>
    /// <param name="policy">The back-off between attempts.</param>
    /// <param name="options">Settings of each connection.</param>
    /// <param name="timeProvider">The clock of back-off waits and response timeouts.</param>
    /// <param name="logger">Where connection events go.</param>
    /// <param name="observer">Sees every frame, if given.</param>
    /// <param name="random">Source of jitter in [0, 1); <see cref="Random.Shared"/> when null.</param>
    public ReconnectingRpcClient(
        Func<CancellationToken, Task<IOcppTransport>> connect,
        CallRouter router,
        ReconnectPolicy policy,
        RpcOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        IFrameObserver? observer = null,
        Func<double>? random = null)
    {
        _connect = connect;
        _router = router;
        _policy = policy.Validate();
        _options = options.Validate();
        _timeProvider = timeProvider;
        _logger = logger;
        _observer = observer;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Raised when a connection is open, before its first frame is received.</summary>
    public event EventHandler? Connected;

    /// <summary>Raised when a connection has closed.</summary>
    public event EventHandler? Disconnected;

    /// <summary>Whether a connection is open now.</summary>
    public bool IsConnected => Volatile.Read(ref _connection)?.IsOpen == true;

    /// <summary>Sends a CALL on the current connection.</summary>
    /// <exception cref="OcppNotConnectedException">There is no open connection.</exception>
    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse =>
        Volatile.Read(ref _connection) is { IsOpen: true } connection
            ? connection.CallAsync(request, cancellationToken)
            : Task.FromException<TResponse>(new OcppNotConnectedException("not connected to the Central System"));

    /// <summary>Sends a CALL of <paramref name="action"/> on the current connection.</summary>
    /// <exception cref="OcppNotConnectedException">There is no open connection.</exception>
    public Task<IOcppResponse> CallAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _connection) is { IsOpen: true } connection
            ? connection.CallAsync(action, request, cancellationToken)
            : Task.FromException<IOcppResponse>(new OcppNotConnectedException("not connected to the Central System"));

    /// <summary>
    /// Closes the current connection, if any, with a handshake bounded like a stop's (a half-open
    /// peer never answers it); the client dials again after its back-off.
    /// </summary>
    public async Task DisconnectAsync(string reason, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _connection) is { } connection && Volatile.Read(ref _receiving) is { } receiving)
        {
            await CloseGracefullyAsync(connection, receiving, reason).ConfigureAwait(false);
        }
    }

    /// <summary>Dials and serves connections until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            IOcppTransport transport;
            try
            {
                transport = await _connect(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                attempt++;
                var delay = _policy.DelayBefore(attempt, _random());
                RpcLog.ConnectFailed(_logger, attempt, ex.Message, delay.TotalSeconds);
                if (!await WaitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            attempt = 0;
            await ServeAsync(transport, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var reconnectDelay = _policy.DelayBefore(1, _random());
            RpcLog.Reconnecting(_logger, reconnectDelay.TotalSeconds);
            if (!await WaitAsync(reconnectDelay, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task ServeAsync(IOcppTransport transport, CancellationToken cancellationToken)
    {
        var connection = new RpcConnection(transport, _router, _options, _timeProvider, _logger, _observer);
        await using (connection.ConfigureAwait(false))
        {
            Volatile.Write(ref _connection, connection);
            RpcLog.Connected(_logger);
            Connected?.Invoke(this, EventArgs.Empty);

            // Stopping closes with a handshake: cancelling a WebSocket receive would abort the socket instead.
            using var receiving = new CancellationTokenSource();
            Volatile.Write(ref _receiving, receiving);
            var closing = Task.CompletedTask;
            using (cancellationToken.Register(() => closing = CloseGracefullyAsync(connection, receiving, "stopping")))
            {
                try
                {
                    await connection.RunAsync(receiving.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Whatever went wrong with this connection, the client must go on dialling.
                    RpcLog.ServeFailed(_logger, ex);
                }
                finally
                {
                    Volatile.Write(ref _connection, null);
                    Volatile.Write(ref _receiving, null);
                    Disconnected?.Invoke(this, EventArgs.Empty);
                }
            }

            await closing.ConfigureAwait(false);
        }
    }

    private static async Task CloseGracefullyAsync(RpcConnection connection, CancellationTokenSource receiving, string reason)
    {
        // Real time on purpose: a peer that never answers the close must not hold the station up.
        try
        {
            receiving.CancelAfter(CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
            return;
        }

        try
        {
            await connection.CloseAsync(reason).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            await receiving.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
