using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;

namespace Station.Benchmarks.Codec;

/// <summary>
/// What does one CALL → CALLRESULT exchange cost in the protocol stack alone? Two RpcConnections
/// over the in-memory transport (no sockets): encode, pending-call table and single-slot gate,
/// receive loop, decode and validate, route, answer, and the same back. Real time
/// (TimeProvider.System) drives the response timeout, as in production.
/// </summary>
[MemoryDiagnoser]
public class RpcRoundTripBenchmarks
{
    private readonly CancellationTokenSource _stop = new();
    private ShapeSample _sample = null!;
    private RpcConnection _caller = null!;
    private RpcConnection _answerer = null!;
    private Task _loops = Task.CompletedTask;

    [Params(MessageShape.Heartbeat, MessageShape.StartTransaction, MessageShape.MeterValues4, MessageShape.GetConfiguration24)]
    public MessageShape Shape { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _sample = ShapeSamples.For(Shape);
        var (callerEnd, answererEnd) = InMemoryTransport.CreatePair();
        var router = new CallRouter();
        switch (_sample.ExchangeResponse)
        {
            case HeartbeatResponse heartbeat:
                Answer(router, OcppActions.Heartbeat, heartbeat);
                break;
            case StartTransactionResponse started:
                Answer(router, OcppActions.StartTransaction, started);
                break;
            case MeterValuesResponse meterValues:
                Answer(router, OcppActions.MeterValues, meterValues);
                break;
            case GetConfigurationResponse configuration:
                Answer(router, OcppActions.GetConfiguration, configuration);
                break;
            default:
                throw new InvalidOperationException($"no answer for {Shape}");
        }

        _caller = new RpcConnection(callerEnd, new CallRouter(), new RpcOptions(), TimeProvider.System, NullLogger.Instance);
        _answerer = new RpcConnection(answererEnd, router, new RpcOptions(), TimeProvider.System, NullLogger.Instance);
        _loops = Task.WhenAll(_caller.RunAsync(_stop.Token), _answerer.RunAsync(_stop.Token));
        SampleCheck.AnswerEqualsSample(_sample, await Call());
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _stop.CancelAsync();
        await _loops;
        await _caller.DisposeAsync();
        await _answerer.DisposeAsync();
        _stop.Dispose();
    }

    [Benchmark]
    public Task<IOcppResponse> Call() => _caller.CallAsync(_sample.Action, _sample.ExchangeRequest);

    private static void Answer<TRequest, TResponse>(CallRouter router, OcppAction<TRequest, TResponse> action, TResponse response)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        router.Handle(action, (_, _, _) => ValueTask.FromResult(response));
}
