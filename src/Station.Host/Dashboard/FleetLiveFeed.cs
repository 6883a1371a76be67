using System.Net.ServerSentEvents;
using CentralSystem.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Station.Host.Dashboard;

/// <summary>
/// The live counters of the fleet view: <c>GET /fleet/events</c>, Server-Sent Events with one
/// <c>fleet</c> event (the <c>GET /fleet</c> body) at once and then every <see cref="Tick"/>
/// while a page listens. The fleet host passes how it writes its <c>GET /fleet</c> body; the
/// page draws its charts from the differences between events, so the server keeps no history.
/// </summary>
internal sealed class FleetLiveFeed : IAsyncDisposable
{
    /// <summary>How often the counters are sent.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly EventStream _stream = new(capacity: 64);
    private readonly Func<string> _readFleet;
    private readonly ITimer _timer;

    /// <summary><paramref name="readFleet"/> returns the <c>GET /fleet</c> body as JSON; it must be cheap (once a second).</summary>
    public FleetLiveFeed(Func<string> readFleet, TimeProvider timeProvider)
    {
        _readFleet = readFleet;
        _timer = timeProvider.CreateTimer(_ => Publish(), null, Tick, Tick);
    }

    /// <summary>Maps <c>GET /fleet/events</c>.</summary>
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fleet/events", (HttpContext context) => _stream.ServeAsync(context, () => [new SseItem<string>(_readFleet(), "fleet")], context.RequestAborted));

    /// <summary>Ends the open streams, which would hold the host's shutdown; call when it begins.</summary>
    public void EndStreams() => _stream.Close();

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        _stream.Close();
    }

    private void Publish()
    {
        if (_stream.HasSubscribers)
        {
            _stream.Publish("fleet", _readFleet());
        }
    }
}
