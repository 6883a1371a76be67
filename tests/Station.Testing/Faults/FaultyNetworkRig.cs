using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;

namespace Station.Testing.Faults;

/// <summary>
/// A <see cref="StationHarness"/> whose station reaches the built-in Central System through a
/// <see cref="FaultyLink"/>; every session the station opened is kept, so a test can count what
/// arrived over all of them.
/// </summary>
public sealed class FaultyNetworkRig : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<StationSession> _sessions = [];

    private FaultyNetworkRig(StationHarness harness, FaultyLink link)
    {
        Harness = harness;
        Link = link;
        harness.Csms.StationConnected += (_, session) =>
        {
            lock (_gate)
            {
                _sessions.Add(session);
            }
        };
    }

    /// <summary>The station, the Central System and virtual time.</summary>
    public StationHarness Harness { get; }

    /// <summary>The network between them.</summary>
    public FaultyLink Link { get; }

    /// <summary>The sessions since the first boot, in order.</summary>
    public IReadOnlyList<StationSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions];
            }
        }
    }

    /// <summary>Starts the station behind a faulty link; the back-off is the harness's constant 1 s unless given.</summary>
    public static async Task<FaultyNetworkRig> StartAsync(StationHarnessOptions options, ReconnectPolicy? reconnect = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        FaultyLink? link = null;
        Uri? endpoint = null;
        var harness = await StationHarness.StartAsync(options with
        {
            ScriptCentralSystem = (csms, clock) =>
            {
                endpoint = csms.Endpoint;
                link = FaultyLink.Start(csms.Port);
                options.ScriptCentralSystem?.Invoke(csms, clock);
            },
            ConfigureStation = o => (options.ConfigureStation?.Invoke(o) ?? o) with
            {
                CentralSystemUri = new UriBuilder(endpoint!) { Port = link!.Port }.Uri,
                Reconnect = reconnect ?? new ReconnectPolicy { InitialDelay = StationHarness.CuttableBackOff, MaxDelay = StationHarness.CuttableBackOff, Jitter = 0 },
            },
        });
        var rig = new FaultyNetworkRig(harness, link!);
        return rig;
    }

    /// <summary>The first session, booted.</summary>
    public async Task<StationSession> BootAsync()
    {
        var session = await Harness.BootAsync();
        lock (_gate)
        {
            if (!_sessions.Contains(session))
            {
                _sessions.Insert(0, session);
            }
        }

        return session;
    }

    /// <summary>Waits until the station noticed that its connection is gone: a close logged after log entry <paramref name="fromLog"/>, then the link down.</summary>
    public async Task DisconnectedAsync(int fromLog)
    {
        await Harness.Logs.WaitForAsync(e => e.EventId.Id == 107 && e.Category.StartsWith("Station", StringComparison.Ordinal), fromLog).OrTimeout();
        var deadline = TimeProvider.System.GetTimestamp() + (long)(TestTimeouts.Default.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (Harness.Station.Link.IsConnected && TimeProvider.System.GetTimestamp() < deadline)
        {
            // The close is logged a moment before the connection is cleared.
            await Task.Yield();
        }
    }

    /// <summary>Lets virtual time pass, a back-off at a time, until the station connected again after <paramref name="previous"/>; returns the new session.</summary>
    public async Task<StationSession> ReconnectedAsync(StationSession previous)
    {
        var reconnected = Harness.WaitForSessionAsync(s => s != previous && s.IsConnected);
        for (var attempt = 0; !reconnected.IsCompleted; attempt++)
        {
            if (attempt == 8)
            {
                throw new TimeoutException("the station did not reconnect");
            }

            await Task.WhenAny(reconnected, Harness.Clock.WaitForTimerWithinAsync(StationHarness.CuttableBackOff)).OrTimeout();
            if (!reconnected.IsCompleted)
            {
                Harness.Clock.Advance(StationHarness.CuttableBackOff);
            }
        }

        // Connected on the Central System's side is not yet on the station's: its connector reports say it is.
        var session = await reconnected;
        for (var connectorId = 0; connectorId <= Harness.Station.Model.Connectors.Count; connectorId++)
        {
            var id = connectorId;
            await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == id).OrTimeout();
        }

        return session;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Link.DisposeAsync();
    }
}
