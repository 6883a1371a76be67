using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Xunit;

namespace Station.Tests.Support;

/// <summary>
/// A tiny scripted Central System on the far end of an <see cref="InMemoryTransport"/>: it answers
/// every CALL a station sends with a sensible default (BootNotification Accepted, StartTransaction
/// with increasing transaction ids, ...) or what a test scripted, and records each request in order.
/// </summary>
public sealed class CentralSystemPeer : IAsyncDisposable
{
    /// <summary>The first transactionId the default StartTransaction answer assigns.</summary>
    public const int FirstTransactionId = 1001;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CallRouter _router = new();
    private readonly ConcurrentDictionary<string, Func<IOcppRequest, IOcppResponse>> _answers = new(StringComparer.Ordinal);
    private readonly List<IOcppRequest> _received = [];
    private readonly List<(RpcConnection Connection, Task Running)> _connections = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextTransactionId = FirstTransactionId;

    /// <summary>Creates the peer; each <see cref="AcceptAsync"/> opens one connection to it.</summary>
    public CentralSystemPeer(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        Serve(OcppActions.BootNotification, _ => new BootNotificationResponse { Status = RegistrationStatus.Accepted, Interval = 60, CurrentTime = _time.GetUtcNow() });
        Serve(OcppActions.Heartbeat, _ => new HeartbeatResponse { CurrentTime = _time.GetUtcNow() });
        Serve(OcppActions.StatusNotification, _ => new StatusNotificationResponse());
        Serve(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } });
        Serve(OcppActions.StartTransaction, _ => new StartTransactionResponse
        {
            TransactionId = Interlocked.Increment(ref _nextTransactionId) - 1,
            IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted },
        });
        Serve(OcppActions.StopTransaction, _ => new StopTransactionResponse());
        Serve(OcppActions.MeterValues, _ => new MeterValuesResponse());
    }

    /// <summary>Replaces the answer to <paramref name="action"/>; throw <see cref="OcppCallErrorException"/> to answer with a CALLERROR.</summary>
    public void Answer<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, Func<TRequest, TResponse> answer)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        _answers[action.Name] = request => answer((TRequest)request);

    /// <summary>Whether <see cref="AcceptAsync"/> opens connections; false makes every attempt fail, like a cut network.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>Opens a connection: the peer serves one end, the station gets the other (the connect function of a client).</summary>
    public Task<IOcppTransport> AcceptAsync(CancellationToken cancellationToken = default)
    {
        if (!Reachable)
        {
            return Task.FromException<IOcppTransport>(new IOException("the Central System is unreachable"));
        }

        var (station, centralSystem) = InMemoryTransport.CreatePair();
        var connection = new RpcConnection(centralSystem, _router, new RpcOptions(), _time, _logger);
        lock (_connections)
        {
            _connections.Add((connection, connection.RunAsync(CancellationToken.None)));
        }

        return Task.FromResult<IOcppTransport>(station);
    }

    /// <summary>The next request the station sent, which must be a <typeparamref name="TRequest"/>.</summary>
    public async Task<TRequest> NextCallAsync<TRequest>()
        where TRequest : class, IOcppRequest
    {
        var call = (await TakeThroughAsync(_ => true)).Single();
        return call as TRequest ?? throw new Xunit.Sdk.XunitException($"expected {typeof(TRequest).Name}, the station sent {call.GetType().Name}: {call}");
    }

    /// <summary>The next <typeparamref name="TRequest"/> the station sent; requests of other kinds before it are passed over.</summary>
    public async Task<TRequest> NextCallOfAsync<TRequest>()
        where TRequest : class, IOcppRequest =>
        (TRequest)(await TakeThroughAsync(call => call is TRequest))[^1];

    /// <summary>Every request received and not taken yet, oldest first.</summary>
    public IReadOnlyList<IOcppRequest> TakeCalls()
    {
        lock (_received)
        {
            var calls = _received.ToList();
            _received.Clear();
            return calls;
        }
    }

    /// <summary>
    /// The requests received before the first one matching <paramref name="marker"/>, which must
    /// have arrived already; takes them and the marker, and leaves the requests after it.
    /// </summary>
    public IReadOnlyList<IOcppRequest> TakeCallsBefore(Func<IOcppRequest, bool> marker)
    {
        lock (_received)
        {
            var index = _received.FindIndex(c => marker(c));
            Assert.True(index >= 0, "the marker request has not arrived");
            var calls = _received.Take(index).ToList();
            _received.RemoveRange(0, index + 1);
            return calls;
        }
    }

    // Waits (bounded) until a request matches, then takes it and every request before it.
    private async Task<List<IOcppRequest>> TakeThroughAsync(Func<IOcppRequest, bool> match)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task arrived;
            lock (_received)
            {
                var index = _received.FindIndex(c => match(c));
                if (index >= 0)
                {
                    var calls = _received.Take(index + 1).ToList();
                    _received.RemoveRange(0, index + 1);
                    return calls;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the station sent no such request within {TestTimeouts.Default}");
            }
        }
    }

    private void Record(IOcppRequest request)
    {
        lock (_received)
        {
            _received.Add(request);
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Closes the open connections, as a Central System that goes away.</summary>
    public async Task DropAsync()
    {
        List<(RpcConnection Connection, Task Running)> connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var (connection, running) in connections)
        {
            await connection.CloseAsync("dropped by the test").OrTimeout();
            await running.OrTimeout();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        List<RpcConnection> connections;
        lock (_connections)
        {
            connections = [.. _connections.Select(c => c.Connection)];
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private void Serve<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, Func<TRequest, TResponse> answer)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        Answer(action, answer);
        _router.Handle(action, (request, _, _) =>
        {
            // Recorded before it is answered: a test that saw the request may rely on the station still waiting.
            Record(request);
            return ValueTask.FromResult((TResponse)_answers[action.Name](request));
        });
    }
}
