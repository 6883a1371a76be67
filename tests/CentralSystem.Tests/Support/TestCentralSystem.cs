using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ocpp16.Framing;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Xunit;

namespace CentralSystem.Tests.Support;

/// <summary>
/// A started <see cref="CentralSystemServer"/> on a free loopback port, on a fake clock at an odd
/// fixed date. On dispose it fails the test if the server logged an error or sent a frame that
/// breaks the official OCPP 1.6 schema.
/// </summary>
public sealed class TestCentralSystem : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2031, 3, 7, 9, 41, 17, 123, TimeSpan.Zero);

    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentQueue<string> _schemaViolations = new();
    private readonly List<FakeChargePoint> _chargePoints = [];
    private readonly LogWaits _logWaits;
    private HttpClient? _http;
    private bool _errorsExpected;
    private int _schemaChecked;

    private TestCentralSystem(CentralSystemServer server, FakeTimeProvider time, FakeLogCollector logs, ILoggerFactory loggerFactory, LogWaits logWaits)
    {
        _logWaits = logWaits;
        Server = server;
        Time = time;
        Logs = logs;
        _loggerFactory = loggerFactory;
        server.FrameRecorded += (_, frame) => CheckSchema(frame);
    }

    public CentralSystemServer Server { get; }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>A client of the server's HTTP API (with <see cref="CentralSystemOptions.EnableHttpApi"/>); every request is bounded.</summary>
    public HttpClient Http => _http ??= new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.Port}/"), Timeout = Timeouts.Test };

    /// <summary>The HTTP API as a script uses it: each answer with its status, body and sequence header.</summary>
    public ApiClient Api => new(Http);

    /// <summary>How many sent frames were checked against the official schema so far.</summary>
    public int SchemaChecked => Volatile.Read(ref _schemaChecked);

    public static async Task<TestCentralSystem> StartAsync(CentralSystemOptions? options = null)
    {
        var time = new FakeTimeProvider(Start);
        var logWaits = new LogWaits();
        var logProvider = new FakeLoggerProvider(FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = logWaits.Offer }));
        var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logProvider).SetMinimumLevel(LogLevel.Debug));
        var server = await CentralSystemServer.StartAsync(options ?? new CentralSystemOptions(), loggerFactory, time).Bounded();
        return new TestCentralSystem(server, time, logProvider.Collector, loggerFactory, logWaits);
    }

    /// <summary>Connects a fake charge point that the fixture closes at the end of the test.</summary>
    public async Task<FakeChargePoint> ConnectAsync(string chargePointId, CallRouter? router = null, string? password = null)
    {
        var chargePoint = await FakeChargePoint.ConnectAsync(Server.Endpoint, chargePointId, router, password);
        lock (_chargePoints)
        {
            _chargePoints.Add(chargePoint);
        }

        return chargePoint;
    }

    /// <summary>Connects and returns the server's session of that connection.</summary>
    public async Task<(FakeChargePoint ChargePoint, StationSession Session)> ConnectWithSessionAsync(string chargePointId, CallRouter? router = null, string? password = null)
    {
        var chargePoint = await ConnectAsync(chargePointId, router, password);
        var session = await Server.WaitForStationAsync(chargePointId).Bounded();
        return (chargePoint, session);
    }

    /// <summary>For the tests of error logging itself.</summary>
    public void ExpectErrorLogs() => _errorsExpected = true;

    /// <summary>Completes when a log line holding <paramref name="fragment"/> is written, from now on (bounded).</summary>
    public Task WaitForLogAsync(string fragment) => _logWaits.WaitAsync(fragment).Bounded();

    public bool Logged(string fragment) => Logs.GetSnapshot().Any(record => record.Message.Contains(fragment, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        foreach (var chargePoint in _chargePoints)
        {
            await chargePoint.DisposeAsync();
        }

        await Server.DisposeAsync().AsTask().Bounded();
        _http?.Dispose();
        _loggerFactory.Dispose();
        var errors = Logs.GetSnapshot().Where(record => record.Level >= LogLevel.Error).Select(record => $"{record.Message} {record.Exception}").ToList();
        if (!_errorsExpected)
        {
            Assert.Empty(errors);
        }

        Assert.Empty(_schemaViolations);
    }

    // Every frame the server sends that its codec can read must also pass the official schema;
    // an answer the codec cannot read is a violation by itself. Raw injected frames are the
    // test's own text and are left alone when they do not parse.
    private void CheckSchema(RecordedFrame frame)
    {
        if (frame.Direction != FrameDirection.Sent || frame.Action is null || frame.MessageType is not (MessageTypeId.Call or MessageTypeId.CallResult))
        {
            return;
        }

        if (frame.Payload is null)
        {
            if (frame.MessageType == MessageTypeId.CallResult)
            {
                _schemaViolations.Enqueue($"unreadable answer: {frame.Text}");
            }

            return;
        }

        Interlocked.Increment(ref _schemaChecked);
        using var document = JsonDocument.Parse(frame.Text);
        var isResponse = frame.MessageType == MessageTypeId.CallResult;
        var payload = document.RootElement[isResponse ? 2 : 3].GetRawText();
        foreach (var error in OcppSchemas.Errors(frame.Action, isResponse, payload))
        {
            _schemaViolations.Enqueue($"{frame.Action}{(isResponse ? ".conf" : ".req")}: {error} in {payload}");
        }
    }
}
