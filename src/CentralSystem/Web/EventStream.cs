using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CentralSystem.Web;

/// <summary>
/// A live feed of named events to any number of browsers, as Server-Sent Events
/// (<c>text/event-stream</c>). <see cref="Publish"/> never blocks the publisher: each subscriber
/// has a bounded queue, and one that falls behind loses its oldest events and is then told how
/// many with a <c>dropped</c> event (<c>{"count":N}</c>), so a page can say its view is incomplete.
/// </summary>
public sealed class EventStream
{
    /// <summary>The event a subscriber receives before the next one when events were dropped for it.</summary>
    public const string DroppedEvent = "dropped";

    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly List<Subscriber> _subscribers = [];
    private int _subscriberCount;
    private bool _closed;

    /// <summary>Creates a stream whose subscribers each hold up to <paramref name="capacity"/> unsent events.</summary>
    public EventStream(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Whether anyone listens: lets a publisher skip building an event nobody reads.</summary>
    public bool HasSubscribers => Volatile.Read(ref _subscriberCount) > 0;

    /// <summary>Queues <paramref name="data"/> (one line of JSON, typically) as event <paramref name="eventType"/> for every subscriber.</summary>
    public void Publish(string eventType, string data)
    {
        var item = new SseItem<string>(data, eventType);
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                // DropOldest: TryWrite always succeeds on an open queue, counting what it pushed out.
                subscriber.Queue.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>
    /// Answers an HTTP request with the stream until the client goes away or the stream is closed.
    /// <paramref name="initialEvents"/> runs once the subscription is in place, so that nothing
    /// published meanwhile is lost: a page gets a snapshot first, then every change after it (a
    /// change may also be in the snapshot; events should be idempotent).
    /// </summary>
    public async Task ServeAsync(HttpContext context, Func<IEnumerable<SseItem<string>>> initialEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(initialEvents);
        var subscriber = Subscribe();
        if (subscriber is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";

            // Proxies such as nginx buffer responses unless told otherwise.
            context.Response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, cancellationToken);
            await SseFormatter.WriteAsync(Events(subscriber, initialEvents(), context.Response, ended.Token), context.Response.Body, ended.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            // The page closed or the server stops: the normal end of a stream.
        }
        finally
        {
            Unsubscribe(subscriber);
        }
    }

    /// <summary>Ends every stream and refuses new ones (503): the server is stopping, and open streams would hold its shutdown.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Queue.Writer.TryComplete();
            }
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        Subscriber subscriber, IEnumerable<SseItem<string>> initial, HttpResponse response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in initial)
        {
            yield return item;
        }

        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        var reader = subscriber.Queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (Interlocked.Exchange(ref subscriber.Dropped, 0) is var dropped and > 0)
                {
                    yield return new SseItem<string>(string.Create(CultureInfo.InvariantCulture, $$"""{"count":{{dropped}}}"""), DroppedEvent);
                }

                yield return item;
            }

            // SseFormatter does not flush: each burst goes out before the stream waits again.
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Subscriber? Subscribe()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return null;
            }

            var subscriber = new Subscriber(_capacity);
            _subscribers.Add(subscriber);
            _subscriberCount = _subscribers.Count;
            return subscriber;
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_lock)
        {
            _subscribers.Remove(subscriber);
            _subscriberCount = _subscribers.Count;
            subscriber.Queue.Writer.TryComplete();
        }
    }

    private sealed class Subscriber
    {
        public Subscriber(int capacity) =>
            Queue = Channel.CreateBounded<SseItem<string>>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref Dropped));

        public Channel<SseItem<string>> Queue { get; }

        // Written by the publisher's callback, read and reset by the stream's writer.
        public int Dropped;
    }
}
