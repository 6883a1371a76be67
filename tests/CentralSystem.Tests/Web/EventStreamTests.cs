using System.Net.ServerSentEvents;
using CentralSystem.Tests.Support;
using CentralSystem.Web;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CentralSystem.Tests.Web;

public sealed class EventStreamTests
{
    [Fact]
    public async Task A_subscriber_gets_the_snapshot_first_then_what_was_published_after_it_subscribed()
    {
        var stream = new EventStream();
        var (context, body) = Request();

        var serving = stream.ServeAsync(context, () => [new SseItem<string>("{\"n\":0}", "snapshot")]);
        stream.Publish("change", "{\"n\":1}");
        stream.Publish("change", "{\"n\":2}");
        stream.Close();
        await serving.Bounded();

        Assert.Equal(["snapshot:{\"n\":0}", "change:{\"n\":1}", "change:{\"n\":2}"], await EventsAsync(body));
        Assert.Equal("text/event-stream", context.Response.ContentType);
        Assert.Equal("no-cache", context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_loses_the_oldest_events_and_is_told_how_many()
    {
        var stream = new EventStream(capacity: 2);
        var (context, body) = Request();

        // Published while the subscriber is in place but before its writer reads anything (the
        // snapshot callback runs between the two), so the drops do not depend on thread timing.
        var serving = stream.ServeAsync(context, () =>
        {
            for (var n = 1; n <= 5; n++)
            {
                stream.Publish("change", $"{{\"n\":{n}}}");
            }

            return [];
        });

        stream.Close();
        await serving.Bounded();

        Assert.Equal(["dropped:{\"count\":3}", "change:{\"n\":4}", "change:{\"n\":5}"], await EventsAsync(body));
    }

    [Fact]
    public async Task A_closed_stream_refuses_new_subscribers_with_503()
    {
        var stream = new EventStream();
        stream.Close();
        var (context, _) = Request();

        await stream.ServeAsync(context, () => []).Bounded();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(stream.HasSubscribers);
    }

    private static (HttpContext Context, MemoryStream Body) Request()
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = body;
        return (context, body);
    }

    private static async Task<List<string>> EventsAsync(MemoryStream body)
    {
        body.Position = 0;
        var events = new List<string>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            events.Add($"{item.EventType}:{item.Data}");
        }

        return events;
    }
}
