using Ocpp16.Testing;

namespace Station.Testing.Faults;

/// <summary>
/// A <see cref="StationHarness"/> whose station talks to a <see cref="ScriptedCentralSystem"/>
/// instead of the built-in one (which still runs, unused): the station, its SQLite file, its
/// hardware and virtual time are the harness's.
/// </summary>
public sealed class ScriptedStationRig : IAsyncDisposable
{
    private readonly int _connectors;

    private ScriptedStationRig(StationHarness harness, ScriptedCentralSystem csms, int connectors)
    {
        Harness = harness;
        Csms = csms;
        _connectors = connectors;
    }

    /// <summary>The station and its virtual time.</summary>
    public StationHarness Harness { get; }

    /// <summary>The misbehaving Central System.</summary>
    public ScriptedCentralSystem Csms { get; }

    /// <summary>Starts the station against a scripted Central System; <paramref name="script"/> runs before the station dials.</summary>
    public static async Task<ScriptedStationRig> StartAsync(StationHarnessOptions options, Action<ScriptedCentralSystem>? script = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ScriptedCentralSystem? csms = null;
        var harness = await StationHarness.StartAsync(options with
        {
            ScriptCentralSystem = (_, clock) =>
            {
                csms = ScriptedCentralSystem.Start(clock, options.Output);
                script?.Invoke(csms);
            },
            ConfigureStation = o => (options.ConfigureStation?.Invoke(o) ?? o) with { CentralSystemUri = csms!.Endpoint },
        });
        return new ScriptedStationRig(harness, csms!, options.Model.Connectors.Count);
    }

    /// <summary>
    /// Waits until connection <paramref name="number"/> carried a StatusNotification of connector 0
    /// and of every connector (after the BootNotification on the first, after reconnecting on later ones).
    /// </summary>
    public async Task<ScriptedConnection> ConnectedAsync(int number = 1)
    {
        var connection = await Csms.WaitForConnectionAsync(number).OrTimeout();
        for (var connectorId = 0; connectorId <= _connectors; connectorId++)
        {
            var id = connectorId;
            await Csms.WaitForCallsAsync("StatusNotification", 1, c => c.Connection == connection && c.Payload["connectorId"]!.GetValue<int>() == id).OrTimeout();
        }

        return connection;
    }

    /// <summary>
    /// Lets virtual time pass, a back-off at a time, until the station opened connection
    /// <paramref name="number"/> and reported its connectors on it.
    /// </summary>
    public async Task<ScriptedConnection> ReconnectedAsync(int number)
    {
        var opened = Csms.WaitForConnectionAsync(number);
        for (var attempt = 0; !opened.IsCompleted; attempt++)
        {
            if (attempt == 8)
            {
                throw new TimeoutException($"the station did not open connection {number}");
            }

            await Task.WhenAny(opened, Harness.Clock.WaitForTimerWithinAsync(StationHarness.CuttableBackOff)).OrTimeout();
            if (!opened.IsCompleted)
            {
                Harness.Clock.Advance(StationHarness.CuttableBackOff);
            }
        }

        return await ConnectedAsync(number);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Csms.DisposeAsync();
    }
}
