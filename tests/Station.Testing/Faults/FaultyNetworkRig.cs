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
    private static readonly Task Never = new TaskCompletionSource().Task;
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
                link = FaultyLink.Start(csms.Port, clock);
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
                // Timer by timer with the station's work done in between: a sample due on the way is taken at its time, not a second late.
                await Harness.AdvanceAsync(StationHarness.CuttableBackOff);
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

    /// <summary>
    /// Lets virtual time pass, one timer at a time, until <paramref name="until"/> completes: what a
    /// paced link (latency, bandwidth) needs to move its chunks on. Time moves only when the link
    /// holds a chunk that waits for it (to the next timer due, which may be one of the station's),
    /// or, when <paramref name="stationTimers"/> is given, when the station's background work is
    /// done, the link holds nothing, the Central System answered every CALL and the station awaits
    /// no answer (its outbox empty, or it is not connected): then to the next
    /// timer due within that span (a sample).
    /// So virtual time never runs ahead of bytes on their way or of work under way.
    /// </summary>
    public async Task<T> CarryAsync<T>(Task<T> until, TimeSpan? stationTimers = null)
    {
        ArgumentNullException.ThrowIfNull(until);
        while (!until.IsCompleted)
        {
            var paced = Link.PacingAsync();
            var idle = stationTimers is null ? Never : Harness.Station.Runtime.Background.WhenIdleAsync();
            await Task.WhenAny(until, paced, idle).OrTimeout();
            if (until.IsCompleted)
            {
                break;
            }

            if (paced.IsCompleted)
            {
                await Task.WhenAny(until, SettledAsync()).OrTimeout();
                Harness.Clock.StepTowards(Harness.Clock.GetUtcNow() + Link.Latency + TimeSpan.FromSeconds(1));
            }
            else if (Link.Settled && Link.Pacing == 0 && CentralSystemAnsweredAll() && StationAwaitsNoAnswer())
            {
                await Task.WhenAny(until, Link.PacingAsync(), Harness.Clock.WaitForTimerWithinAsync(stationTimers!.Value)).OrTimeout();
                if (!until.IsCompleted && Link.Pacing == 0)
                {
                    Harness.Clock.StepTowards(Harness.Clock.GetUtcNow() + stationTimers.Value);
                }
            }
        }

        return await until;
    }

    /// <inheritdoc cref="CarryAsync{T}(Task{T}, TimeSpan?)"/>
    public Task CarryAsync(Task until, TimeSpan? stationTimers = null) => CarryAsync(Done(until), stationTimers);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Link.DisposeAsync();
    }

    // The Central System may still be working on a CALL the link handed it: time must not pass its answer by.
    private bool CentralSystemAnsweredAll()
    {
        var sessions = Sessions;
        if (sessions.Count == 0)
        {
            return true;
        }

        var frames = sessions[^1].Frames;
        var calls = frames.Count(f => f.IsCall(FrameDirection.Received));
        var answers = frames.Count(f => f.Direction == FrameDirection.Sent && f.MessageType != Ocpp16.Framing.MessageTypeId.Call);
        return answers >= calls;
    }

    // An answer on its way into the station is not visible to the link: an empty outbox (each message leaves it when its
    // answer is processed), or no connection at all (a back-off to wait), says no answer is outstanding.
    private bool StationAwaitsNoAnswer() => Harness.Station.Outbox.Pending == 0 || !Harness.Station.Link.IsConnected;

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }

    // A chunk read but not yet on its delay is a moment of the relay's own work: wait it out (bounded by the caller).
    private async Task SettledAsync()
    {
        while (!Link.Settled)
        {
            await Task.Yield();
        }
    }
}
