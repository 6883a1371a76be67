using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>
/// An <see cref="RpcConnection"/> running over an in-memory transport, in virtual time, whose peer
/// the test scripts frame by frame. Disposing it fails the test on any unexpected Error log.
/// </summary>
internal sealed class RpcHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 16, 27, 49, 123, TimeSpan.Zero);
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _errorLogged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RpcHarness(RpcOptions? options = null)
    {
        var (local, remote) = InMemoryTransport.CreatePair();
        Peer = remote;
        options = (options ?? new RpcOptions()) with { ResponseTimeout = ResponseTimeout };
        Connection = new RpcConnection(local, Router, options, Time, new ErrorSignallingLogger(Logger, _errorLogged));
        Running = Connection.RunAsync(_stop.Token);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public CallRouter Router { get; } = new();

    public FakeLogger Logger { get; } = new();

    public RpcConnection Connection { get; }

    /// <summary>The Central System side: what the test sends and receives.</summary>
    public InMemoryTransport Peer { get; }

    /// <summary>The receive loop.</summary>
    public Task Running { get; }

    public Task SendAsync(string frame) => Peer.SendTextAsync(frame).AsTask().OrTimeout();

    public async Task<string> ReceiveTextAsync() =>
        await Peer.ReceiveTextAsync().OrTimeout() ?? throw new InvalidOperationException("the connection closed instead of sending a frame");

    public async Task<JsonArray> ReceiveFrameAsync() => JsonNode.Parse(await ReceiveTextAsync())!.AsArray();

    /// <summary>Receives the CALL the connection sends and checks its action; returns its message id.</summary>
    public async Task<string> ReceiveCallAsync(string action)
    {
        var frame = await ReceiveFrameAsync();
        Assert.Equal(2, (int)frame[0]!);
        Assert.Equal(action, (string)frame[2]!);
        return (string)frame[1]!;
    }

    /// <summary>Receives a CALLERROR and checks its id and code; returns its description.</summary>
    public async Task<string> ReceiveCallErrorAsync(string messageId, string errorCode)
    {
        var frame = await ReceiveFrameAsync();
        Assert.Equal(5, frame.Count);
        Assert.Equal(4, (int)frame[0]!);
        Assert.Equal(messageId, (string)frame[1]!);
        Assert.Equal(errorCode, (string)frame[2]!);
        Assert.Equal("{}", frame[4]!.ToJsonString());
        return (string)frame[3]!;
    }

    /// <summary>Completes once the connection has logged an Error (from work running off the receive loop, say).</summary>
    public Task ErrorLogged => _errorLogged.Task;

    public IReadOnlyList<FakeLogRecord> Logs(LogLevel level) => [.. Logger.Collector.GetSnapshot().Where(r => r.Level == level)];

    /// <summary>Takes the Error logs a test expects, so that disposing does not fail on them.</summary>
    public IReadOnlyList<FakeLogRecord> TakeErrorLogs()
    {
        var errors = Logs(LogLevel.Error);
        Logger.Collector.Clear();
        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running.OrTimeout();
        await Connection.DisposeAsync();
        _stop.Dispose();
        Assert.Empty(Logs(LogLevel.Error).Select(r => $"{r.Id}: {r.Message} {r.Exception}"));
    }

    // Records into the FakeLogger, then signals the first Error: a test can wait for a log written off the receive loop.
    private sealed class ErrorSignallingLogger(FakeLogger inner, TaskCompletionSource errorLogged) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            if (logLevel >= LogLevel.Error)
            {
                errorLogged.TrySetResult();
            }
        }
    }
}
