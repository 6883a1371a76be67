using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Connection;

/// <summary>
/// The station's view of its Central System: whether it is connected, whether the registration
/// is Accepted (both together: online), and the raw CALL for the few messages that may be sent
/// before that (BootNotification). A Heartbeat that gets no answer within the response timeout
/// closes the connection: the link may be half-open (no pings to find it otherwise), and the
/// Heartbeat is the station's keep-alive. (The transaction outbox does the same for its messages;
/// other notifications are not a reason: a Central System slow on one of them is not a dead link.)
/// </summary>
public sealed class CentralSystemLink
{
    private readonly ReconnectingRpcClient _client;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _online = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RegistrationStatus? _registration;

    /// <summary>Wraps the reconnecting client of this station.</summary>
    public CentralSystemLink(ReconnectingRpcClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
        client.Connected += (_, _) =>
        {
            UpdateOnline();
            Connected?.Invoke();
        };
        client.Disconnected += (_, _) =>
        {
            UpdateOnline();
            Disconnected?.Invoke();
        };
    }

    /// <summary>Raised when a connection opens (on the connection's thread; take the lock before touching state).</summary>
    public event Action? Connected;

    /// <summary>Raised when the connection closed.</summary>
    public event Action? Disconnected;

    /// <summary>Raised when the station becomes online: connected with the registration Accepted.</summary>
    public event Action? CameOnline;

    /// <summary>Whether a WebSocket connection is open.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>The last registration status the Central System gave, null before the first answer.</summary>
    public RegistrationStatus? Registration
    {
        get
        {
            lock (_gate)
            {
                return _registration;
            }
        }
    }

    /// <summary>Connected and Accepted: the station may send all its messages.</summary>
    public bool IsOnline => IsConnected && Registration == RegistrationStatus.Accepted;

    /// <summary>Records the registration status of the last BootNotification answer.</summary>
    public void SetRegistration(RegistrationStatus status)
    {
        lock (_gate)
        {
            _registration = status;
        }

        UpdateOnline();
    }

    /// <summary>Completes when the station is online.</summary>
    public Task WaitUntilOnlineAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A connection that just closed reports it a moment later (its Disconnected event):
            // until then the completed task is stale, and a caller must not spin on it.
            if (_online.Task.IsCompleted && !(_client.IsConnected && _registration == RegistrationStatus.Accepted))
            {
                _online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _online.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends a CALL now, whatever the registration (BootNotification, and what TriggerMessage asks for while Pending).</summary>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse
    {
        try
        {
            return await _client.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppCallTimeoutException ex) when (request is HeartbeatRequest)
        {
            await DialAnewAsync(OcppActions.Heartbeat.Name, ex, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a CALL of <paramref name="action"/> now.</summary>
    public async Task<IOcppResponse> CallAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _client.CallAsync(action, request, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppCallTimeoutException ex) when (request is HeartbeatRequest)
        {
            await DialAnewAsync(action.Name, ex, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the connection (a reboot); the client would otherwise dial again after its back-off.</summary>
    public Task DisconnectAsync(string reason, CancellationToken cancellationToken = default) => _client.DisconnectAsync(reason, cancellationToken);

    private async Task DialAnewAsync(string action, OcppCallTimeoutException timeout, CancellationToken cancellationToken)
    {
        ConnectionLog.NoAnswer(_logger, action, timeout.Message);
        await _client.DisconnectAsync($"no answer to {action}", cancellationToken).ConfigureAwait(false);
    }

    private void UpdateOnline()
    {
        bool cameOnline;
        lock (_gate)
        {
            var online = _client.IsConnected && _registration == RegistrationStatus.Accepted;
            cameOnline = online && _online.TrySetResult();
            if (!online && _online.Task.IsCompleted)
            {
                _online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (cameOnline)
        {
            CameOnline?.Invoke();
        }
    }
}
