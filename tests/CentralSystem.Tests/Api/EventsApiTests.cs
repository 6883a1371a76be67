using System.Net.ServerSentEvents;
using System.Text.Json;
using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Xunit;

namespace CentralSystem.Tests.Api;

/// <summary><c>GET /events</c>: the Server-Sent Events stream of the web UI, read as a browser's EventSource reads it.</summary>
public sealed class EventsApiTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task The_stream_starts_with_a_snapshot_then_carries_frames_station_changes_and_answers_as_they_happen()
    {
        var chargePoint = await _csms.ConnectAsync("CP001");
        await chargePoint.BootAsync();
        await using var events = await EventReader.OpenAsync(_csms.Http);

        var snapshot = await events.NextAsync();
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { Status = ChargePointStatus.Preparing });
        var call = await events.NextAsync();
        var station = await events.NextAsync();
        var answer = await events.NextAsync();
        (await _csms.Api.PutAsync("answers", """{"idTags": {"LOST1": "Blocked"}}""")).Ok();
        var answers = await events.NextAsync();

        Assert.Equal("snapshot", snapshot.EventType);
        var state = JsonDocument.Parse(snapshot.Data).RootElement;
        Assert.Equal(_csms.Server.Endpoint.ToString(), state.GetProperty("endpoint").GetString());
        Assert.Equal("Accepted", Assert.Single(state.GetProperty("stations").EnumerateArray()).GetProperty("registration").GetString());
        Assert.Equal(["BootNotification", "BootNotification"], state.GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("action").GetString()));
        Assert.Equal("Accepted", state.GetProperty("answers").GetProperty("bootNotification").GetProperty("status").GetString());

        // The station changes with the StatusNotification itself, before its answer.
        Assert.Equal(("frame", "station", "frame", "answers"), (call.EventType, station.EventType, answer.EventType, answers.EventType));
        var frame = JsonDocument.Parse(call.Data).RootElement;
        Assert.Equal(
            (1, 3L, "received", "StatusNotification"),
            (frame.GetProperty("session").GetInt32(), frame.GetProperty("sequence").GetInt64(), frame.GetProperty("direction").GetString(), frame.GetProperty("action").GetString()));
        Assert.Equal("sent", JsonDocument.Parse(answer.Data).RootElement.GetProperty("direction").GetString());
        Assert.Equal("Preparing", JsonDocument.Parse(station.Data).RootElement.GetProperty("connectors")[0].GetProperty("status").GetString());
        Assert.Equal("""{"LOST1":"Blocked"}""", JsonDocument.Parse(answers.Data).RootElement.GetProperty("idTags").GetRawText());
    }

    [Fact]
    public async Task Connects_and_disconnects_are_station_events()
    {
        await using var events = await EventReader.OpenAsync(_csms.Http);
        Assert.Equal("[]", JsonDocument.Parse((await events.NextAsync()).Data).RootElement.GetProperty("stations").GetRawText());

        var chargePoint = await _csms.ConnectAsync("CP001");
        var connected = await events.NextAsync();
        await chargePoint.DisposeAsync();
        var disconnected = await events.NextAsync();

        Assert.Equal(("station", true), (connected.EventType, JsonDocument.Parse(connected.Data).RootElement.GetProperty("connected").GetBoolean()));
        Assert.Equal(("station", false), (disconnected.EventType, JsonDocument.Parse(disconnected.Data).RootElement.GetProperty("connected").GetBoolean()));
    }

    [Fact]
    public async Task Stopping_the_server_ends_the_open_streams_at_once()
    {
        // A shutdown that waited for open requests would take this long: longer than the test's bound.
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true, CloseTimeout = TimeSpan.FromSeconds(30) });
        await using var events = await EventReader.OpenAsync(csms.Http);
        await events.NextAsync();

        var stopped = csms.Server.DisposeAsync().AsTask();

        await events.EndAsync();
        await stopped.Bounded();
    }

    /// <summary>An open event stream, read event by event with a bounded wait each.</summary>
    private sealed class EventReader : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly IAsyncEnumerator<SseItem<string>> _items;

        private EventReader(HttpResponseMessage response, Stream stream)
        {
            _response = response;
            _items = SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
        }

        public static async Task<EventReader> OpenAsync(HttpClient http)
        {
            var response = await http.GetAsync("events", HttpCompletionOption.ResponseHeadersRead).Bounded();
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new EventReader(response, await response.Content.ReadAsStreamAsync().Bounded());
        }

        public async Task<SseItem<string>> NextAsync()
        {
            Assert.True(await _items.MoveNextAsync().AsTask().Bounded(), "the event stream ended");
            return _items.Current;
        }

        public async Task EndAsync() => Assert.False(await _items.MoveNextAsync().AsTask().Bounded(), $"expected the end of the stream, got {_items.Current.EventType}");

        public async ValueTask DisposeAsync()
        {
            _response.Dispose();
            try
            {
                await _items.DisposeAsync();
            }
            catch (ObjectDisposedException)
            {
                // The response was disposed under the reader.
            }
        }
    }
}
