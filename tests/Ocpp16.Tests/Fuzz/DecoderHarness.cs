using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Ocpp16.Tests.Codec;
using Xunit;

namespace Ocpp16.Tests.Fuzz;

/// <summary>
/// An <see cref="RpcConnection"/> on the in-memory transport that serves every Central System →
/// Charge Point action with a fixed valid answer and counts handler calls. <see cref="CheckAsync"/>
/// sends one frame followed by a sentinel CALL: everything that comes back before the sentinel's
/// answer is the answer to the frame, and the sentinel's answer shows the connection is still up.
/// </summary>
internal sealed class DecoderHarness : IAsyncDisposable
{
    public const string SentinelPrefix = "sentinel-";

    private readonly CancellationTokenSource _stop = new();
    private readonly InMemoryTransport _peer;
    private readonly RpcConnection _connection;
    private readonly Task _running;
    private readonly ErrorCountingLogger _logger = new();
    private long _sentinels;
    private int _invocations;

    private readonly bool _strictAnswers;

    public DecoderHarness(RpcOptions? options = null)
    {
        options ??= new RpcOptions();
        _strictAnswers = options.StrictAnswers;
        var (local, remote) = InMemoryTransport.CreatePair();
        _peer = remote;
        var router = new CallRouter();
        var register = typeof(DecoderHarness).GetMethod(nameof(Register), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var action in Served)
        {
            register.MakeGenericMethod(action.Request.ClrType, action.Response.ClrType).Invoke(null, [router, action, this]);
        }

        _connection = new RpcConnection(local, router, options, new FakeTimeProvider(Rpc.RpcHarness.Start), _logger);
        _running = _connection.RunAsync(_stop.Token);
    }

    /// <summary>The actions a Charge Point serves: Central System → Charge Point, and DataTransfer.</summary>
    public static IReadOnlyList<OcppAction> Served { get; } =
        [.. OcppActions.All.Where(a => a.Direction != MessageDirection.ChargePointToCentralSystem).OrderBy(a => a.Name, StringComparer.Ordinal)];

    /// <summary>The actions only a Central System serves: a Charge Point answers them NotSupported.</summary>
    public static IReadOnlyList<OcppAction> NotServed { get; } =
        [.. OcppActions.All.Where(a => a.Direction == MessageDirection.ChargePointToCentralSystem).OrderBy(a => a.Name, StringComparer.Ordinal)];

    /// <summary>The actions a Charge Point calls, whose answers it reads: Charge Point → Central System, and DataTransfer.</summary>
    public static IReadOnlyList<OcppAction> Called { get; } =
        [.. OcppActions.All.Where(a => a.Direction != MessageDirection.CentralSystemToChargePoint).OrderBy(a => a.Name, StringComparer.Ordinal)];

    public long Checked { get; private set; }

    /// <summary>Answers that break a rule but were used: the lenient read tolerated them.</summary>
    public long Tolerated { get; private set; }

    /// <summary>Answers that failed their call.</summary>
    public long Refused { get; private set; }

    /// <summary>
    /// Calls <paramref name="action"/>, answers it with <paramref name="payload"/> and asserts the call
    /// completes when the payload is valid (or tolerated, unless strict) and fails with the code of the
    /// broken rule otherwise, and that the connection stays up.
    /// </summary>
    public async Task CheckAnswerAsync(OcppAction action, GeneratedPayload payload)
    {
        var call = _connection.CallAsync(action, (IOcppRequest)MessageCatalog.Minimal(action.Name + ".req"));
        var sent = JsonNode.Parse(await _peer.ReceiveTextAsync().OrTimeout() ?? throw new Xunit.Sdk.XunitException("the connection closed"))!.AsArray();
        await _peer.SendTextAsync($"[3,\"{(string)sent[1]!}\",{payload.Json}]").OrTimeout();

        var expected = _strictAnswers ? payload.Code : payload.LenientCode;
        var what = $"{action.Name}.conf ({(_strictAnswers ? "strict" : "lenient")}): {payload.What}: expected {expected?.ToString() ?? "the answer"}: {payload.Json}";
        try
        {
            await call.OrTimeout();
            Assert.True(expected is null, $"{what}\nthe call completed");
            Tolerated += payload.Code is null ? 0 : 1;
        }
        catch (OcppProtocolException ex)
        {
            Assert.True(expected == ex.Error.Code, $"{what}\nfailed {ex.Error.Code}: {ex.Error.Description}");
            Refused++;
        }

        Assert.True(_logger.Errors.IsEmpty, $"{what}\nlogged an error: {string.Join("; ", _logger.Errors)}");
        Assert.True(_connection.IsOpen && !_running.IsCompleted, $"{what}\nthe connection closed");
        Checked++;
    }

    /// <summary>Sends the frame and asserts the answer, the handler calls and that the connection stays up.</summary>
    public async Task CheckAsync(FrameCase @case)
    {
        var before = Volatile.Read(ref _invocations);
        var sentinel = $"{SentinelPrefix}{++_sentinels}";
        await _peer.SendAsync(@case.Frame).OrTimeout();
        await _peer.SendTextAsync($"[2,\"{sentinel}\",\"ClearCache\",{{}}]").OrTimeout();

        var answers = new List<string>();
        while (true)
        {
            var text = await _peer.ReceiveTextAsync().OrTimeout() ?? throw new Xunit.Sdk.XunitException($"the connection closed after {@case}");
            if (text.StartsWith($"[3,\"{sentinel}\",", StringComparison.Ordinal))
            {
                break;
            }

            answers.Add(text);
        }

        var invoked = Volatile.Read(ref _invocations) - before - 1;
        Assert.True(_logger.Errors.IsEmpty, $"{@case}\nlogged an error: {string.Join("; ", _logger.Errors)}");
        if (@case.MessageId is null)
        {
            Assert.True(answers.Count == 0, $"{@case}\nanswered: {string.Join(" | ", answers)}");
            Assert.True(invoked == 0, $"{@case}\nthe handler ran");
        }
        else
        {
            var answer = Assert.Single(answers);
            var frame = JsonNode.Parse(answer)!.AsArray();
            Assert.True(@case.MessageId == (string)frame[1]!, $"{@case}\nanswered another id: {answer}");
            if (@case.Code is { } code)
            {
                Assert.True(frame.Count == 5 && (int)frame[0]! == 4 && (string)frame[2]! == code.ToString(), $"{@case}\nanswered {answer}");
                Assert.True(invoked == 0, $"{@case}\nthe handler ran for an invalid payload");
            }
            else
            {
                Assert.True(frame.Count == 3 && (int)frame[0]! == 3, $"{@case}\nanswered {answer}");
                Assert.True(invoked == 1, $"{@case}\nthe handler ran {invoked} times");
            }
        }

        Assert.True(_connection.IsOpen && !_running.IsCompleted, $"{@case}\nthe connection closed");
        Checked++;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.OrTimeout();
        await _connection.DisposeAsync();
        _stop.Dispose();
        Assert.Empty(_logger.Errors);
    }

    private static void Register<TRequest, TResponse>(CallRouter router, OcppAction action, DecoderHarness harness)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        var answer = (TResponse)MessageCatalog.Minimal(action.Name + ".conf");
        router.Handle((OcppAction<TRequest, TResponse>)action, (request, _, _) =>
        {
            Interlocked.Increment(ref harness._invocations);
            return ValueTask.FromResult(answer);
        });
    }

    // Formats every Warning and Error (so their formatting runs on fuzzed text too) and keeps only the Errors.
    private sealed class ErrorCountingLogger : ILogger
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (logLevel >= LogLevel.Error)
            {
                Errors.Add($"{eventId.Id}: {message} {exception}");
            }
        }
    }
}
