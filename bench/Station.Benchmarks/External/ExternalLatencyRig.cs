using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.External;

/// <summary>
/// Drives a station process through the csms process's HTTP API, as a script would, and times it on
/// this process's clock: POST sent → its answer, or → the caused request's frame event read from the
/// csms's event stream (the headline, <see cref="HttpFigures"/>); and, rougher, the difference of two
/// event arrivals ("the csms sent the CALL → the csms received what it caused"), free of the HTTP
/// request but not of the event stream's uneven push. Every answer is checked.
/// </summary>
internal sealed class ExternalLatencyRig(HttpClient csms, HttpClient control, CsmsEvents events, string stationId, LatencyOptions options)
{
    private const string Response = "response to a Central System request (csms: CALL sent → CALLRESULT received)";
    private const string Transactions = "remote transaction control (csms: CALL sent → station's request received)";
    private const string Triggers = "TriggerMessage (csms: CALL sent → triggered request received)";
    private const string Http = "as a script sees it: POST /calls sent → its answer (requests), or → the caused request's frame event seen (remote start/stop)";
    private const string IdTag = "BENCH0001";
    private const int ConnectorId = 1;

    private readonly FrameOrders _startOrders = new("RemoteStartTransaction → StartTransaction.req");
    private readonly FrameOrders _stopOrders = new("RemoteStopTransaction → StopTransaction.req");
    private readonly List<FigureResult> _http = [];

    /// <summary>Frame by frame, per order of the frames.</summary>
    public IReadOnlyList<Breakdown> Breakdowns => [.. _startOrders.Breakdowns(), .. _stopOrders.Breakdowns()];

    /// <summary>The same figures including the HTTP API's own round trip.</summary>
    public IReadOnlyList<FigureResult> HttpFigures => _http;

    public async Task<IReadOnlyList<FigureResult>> MeasureRequestsAsync() =>
    [
        await RequestAsync("GetConfiguration (1 key)", "GetConfiguration", _ => """{"key":["HeartbeatInterval"]}""", a => a.GetProperty("configurationKey").GetArrayLength() == 1),
        await RequestAsync("GetConfiguration (all keys)", "GetConfiguration", _ => "{}", a => a.GetProperty("configurationKey").GetArrayLength() >= 24),

        // A value that changes every run, so every run validates, persists (SQLite commit) and applies it.
        await RequestAsync(
            "ChangeConfiguration (persisted)",
            "ChangeConfiguration",
            run => $$"""{"key":"LightIntensity","value":"{{(run % 2 == 0 ? "90" : "100")}}"}""",
            a => a.GetProperty("status").GetString() == "Accepted"),
    ];

    /// <summary>One whole charging session per run, as the in-process rig: plug, remote start, remote stop, unplug.</summary>
    public async Task<IReadOnlyList<FigureResult>> MeasureTransactionsAsync()
    {
        var starts = new List<double>();
        var stops = new List<double>();
        var startAnswers = new List<double>();
        var stopAnswers = new List<double>();
        var startsHttp = new List<double>();
        var stopsHttp = new List<double>();
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var measured = run >= options.Warmup;
            var position = events.LastSequence;
            await PostControlAsync($"/connectors/{ConnectorId}/plug");
            await QuietAfterStatusAsync(position, "Preparing");

            position = events.LastSequence;
            var start = await RemoteAsync("RemoteStartTransaction", $$"""{"idTag":"{{IdTag}}","connectorId":{{ConnectorId}}}""", "StartTransaction", position, measured ? _startOrders : null);
            var startAnswer = await events.NextAsync(start.Caused.Sequence, f => f.Answers(start.Caused), "the answer to StartTransaction");
            var transactionId = startAnswer.Payload.GetProperty("transactionId").GetInt32();
            await QuietAfterStatusAsync(position, "Charging");
            await StationKnowsAsync(transactionId);

            position = events.LastSequence;
            var stop = await RemoteAsync("RemoteStopTransaction", $$"""{"transactionId":{{transactionId}}}""", "StopTransaction", position, measured ? _stopOrders : null);
            await events.NextAsync(stop.Caused.Sequence, f => f.Answers(stop.Caused), "the answer to StopTransaction");
            await QuietAfterStatusAsync(position, "Finishing");

            position = events.LastSequence;
            await PostControlAsync($"/connectors/{ConnectorId}/unplug");
            await QuietAfterStatusAsync(position, "Available");
            if (measured)
            {
                starts.Add(start.CallToCaused);
                startAnswers.Add(start.CallToAnswer);
                startsHttp.Add(start.PostToCaused);
                stops.Add(stop.CallToCaused);
                stopAnswers.Add(stop.CallToAnswer);
                stopsHttp.Add(stop.PostToCaused);
            }
        }

        _http.Add(FigureResult.Measured(Http, "POST RemoteStartTransaction → StartTransaction.req", LabFigure.RemoteStart, startsHttp));
        _http.Add(FigureResult.Measured(Http, "POST RemoteStopTransaction → StopTransaction.req", LabFigure.RemoteStop, stopsHttp));
        return
        [
            FigureResult.Measured(Response, "RemoteStartTransaction (answer)", LabFigure.Response, startAnswers),
            FigureResult.Measured(Response, "RemoteStopTransaction (answer)", LabFigure.Response, stopAnswers),
            FigureResult.Measured(Transactions, "RemoteStartTransaction → StartTransaction.req", LabFigure.RemoteStart, starts),
            FigureResult.Measured(Transactions, "RemoteStopTransaction → StopTransaction.req", LabFigure.RemoteStop, stops),
        ];
    }

    public async Task<IReadOnlyList<FigureResult>> MeasureTriggersAsync()
    {
        var results = new List<FigureResult>();
        foreach (var (requested, body) in new[]
        {
            ("Heartbeat", """{"requestedMessage":"Heartbeat"}"""),
            ("StatusNotification", $$"""{"requestedMessage":"StatusNotification","connectorId":{{ConnectorId}}}"""),
            ("MeterValues", $$"""{"requestedMessage":"MeterValues","connectorId":{{ConnectorId}}}"""),
        })
        {
            var samples = new List<double>();
            for (var run = 0; run < options.Warmup + options.Runs; run++)
            {
                var position = events.LastSequence;
                var timed = await RemoteAsync("TriggerMessage", body, requested, position, null);
                await events.NextAsync(timed.Caused.Sequence, f => f.Answers(timed.Caused), $"the answer to the triggered {requested}");
                if (run >= options.Warmup)
                {
                    samples.Add(timed.CallToCaused);
                }
            }

            results.Add(FigureResult.Measured(Triggers, $"TriggerMessage({requested}) → {requested}.req", LabFigure.TriggerMessage, samples));
        }

        return results;
    }

    private async Task<FigureResult> RequestAsync(string name, string action, Func<int, string> body, Func<JsonElement, bool> accepted)
    {
        var samples = new List<double>();
        var posts = new List<double>();
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var position = events.LastSequence;
            var sent = Stopwatch.GetTimestamp();
            var answer = await CallAsync(action, body(run));
            var answered = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            Expect(accepted(answer), action, answer);
            var call = await events.NextAsync(position, f => !f.FromStation && f.IsCall && f.Action == action, $"the csms's {action}");
            var result = await events.NextAsync(call.Sequence, f => f.Answers(call), $"the answer to {action}");
            if (run >= options.Warmup)
            {
                samples.Add(Stopwatch.GetElapsedTime(call.At, result.At).TotalMilliseconds);
                posts.Add(answered);
            }
        }

        _http.Add(FigureResult.Measured(Http, $"POST {name} → its answer", LabFigure.Response, posts));
        return FigureResult.Measured(Response, name, LabFigure.Response, samples);
    }

    // POSTs a CALL that causes a request of the station, and times it on the event stream.
    private async Task<Remote> RemoteAsync(string action, string body, string causedAction, long position, FrameOrders? orders)
    {
        var sent = Stopwatch.GetTimestamp();
        var answer = await CallAsync(action, body);
        Expect(answer.GetProperty("status").GetString() == "Accepted", action, answer);
        var call = await events.NextAsync(position, f => !f.FromStation && f.IsCall && f.Action == action, $"the csms's {action}");
        var result = await events.NextAsync(call.Sequence, f => f.Answers(call), $"the answer to {action}");
        var caused = await events.NextAsync(call.Sequence, f => f.IsCallFromStation(causedAction), $"{causedAction}.req");
        orders?.Add(sent, [.. events.Since(call.Sequence - 1).TakeWhile(f => f.Sequence <= caused.Sequence)]);
        return new Remote(
            caused,
            Stopwatch.GetElapsedTime(call.At, caused.At).TotalMilliseconds,
            Stopwatch.GetElapsedTime(call.At, result.At).TotalMilliseconds,
            Stopwatch.GetElapsedTime(sent, caused.At).TotalMilliseconds);
    }

    private async Task<JsonElement> CallAsync(string action, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await csms.PostAsync(new Uri($"/stations/{stationId}/calls/{action}", UriKind.Relative), content).Bounded($"POST {action}");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? answer : throw new BenchmarkFailedException($"POST {action}: {(int)response.StatusCode} {answer}");
    }

    private async Task PostControlAsync(string path)
    {
        using var response = await control.PostAsync(new Uri(path, UriKind.Relative), null).Bounded($"POST {path} (station control API)");
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchmarkFailedException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    // The station applies the StartTransaction answer a moment after the csms sent it; a RemoteStop before that is rightly Rejected.
    private async Task StationKnowsAsync(int transactionId)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Waits.Timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var state = await control.GetFromJsonAsync<JsonElement>(new Uri("/state", UriKind.Relative)).Bounded("GET /state");
            if (state.GetProperty("connectors")[ConnectorId - 1].TryGetProperty("transactionId", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == transactionId)
            {
                return;
            }
        }

        throw new BenchmarkFailedException($"the station did not take transactionId {transactionId} within {Waits.Timeout.TotalSeconds} s");
    }

    // Waits until the station reported the status and the csms answered it: nothing is in flight.
    private async Task QuietAfterStatusAsync(long afterSequence, string status)
    {
        var reported = await events.NextAsync(afterSequence, f => f.IsStatus(ConnectorId, status), $"StatusNotification {status}");
        await events.NextAsync(reported.Sequence, f => f.Answers(reported), $"the answer to StatusNotification {status}");
    }

    private static void Expect(bool condition, string what, JsonElement answer)
    {
        if (!condition)
        {
            throw new BenchmarkFailedException($"unexpected answer to {what}: {answer}");
        }
    }

    private sealed record Remote(SeenFrame Caused, double CallToCaused, double CallToAnswer, double PostToCaused);
}
