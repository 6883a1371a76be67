using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Configuration;
using Station.Connection;
using Station.Metering;
using Station.Model;
using Station.Runtime;
using Xunit;

namespace Station.Tests.Support;

/// <summary>
/// The ground every block stands on, as <see cref="ChargePoint"/> lays it, with nothing real
/// underneath: a station runtime in virtual time, the configuration over an in-memory store, and
/// the link to a <see cref="CentralSystemPeer"/> over an in-memory transport. Offline until
/// <see cref="GoOnlineAsync"/>. Disposing it fails the test on any unexpected Error log.
/// </summary>
public sealed class BlockHarness : IAsyncDisposable
{
    /// <summary>The response timeout of the station's CALLs: longer than any test advances time, so no CALL times out by accident.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromDays(3);

    /// <summary>The back-off between dials: constant, so a test knows when the station dials again.</summary>
    public static readonly TimeSpan BackOff = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly Task _sending;
    private Task _dialling = Task.CompletedTask;

    /// <summary>Builds the ground; the outgoing queue runs at once (dropping what leaves while offline).</summary>
    public BlockHarness(BlockHarnessOptions? options = null)
    {
        Options = options ?? new BlockHarnessOptions();
        Logs = new TestLogSink(Options.Output);
        _loggerFactory = Logs.CreateFactory();
        Runtime = new StationRuntime(Clock, _loggerFactory);
        ConfigurationStore = new InMemoryConfigurationStore(Options.Configuration);
        Configuration = new ConfigurationService(Definitions(Options.Model, Options.Profiles), ConfigurationStore, Logger("Station.Configuration"));
        CentralSystem = new CentralSystemPeer(Clock, Logger("CentralSystem"));
        Client = new ReconnectingRpcClient(
            CentralSystem.AcceptAsync,
            Router,
            new ReconnectPolicy { InitialDelay = BackOff, MaxDelay = BackOff, Jitter = 0 },
            new RpcOptions { ResponseTimeout = ResponseTimeout },
            Clock,
            Logger("Station.Connection"),
            Schemas);
        Link = new CentralSystemLink(Client);
        Outgoing = new OutgoingMessages(Link, Logger("Station.Connection"));
        _sending = Outgoing.RunAsync(_stopping.Token);
    }

    /// <summary>How the harness was set up.</summary>
    public BlockHarnessOptions Options { get; }

    /// <summary>The station model.</summary>
    public StationModel Model => Options.Model;

    /// <summary>Virtual time, starting at <see cref="VirtualClock.Epoch"/>.</summary>
    public VirtualClock Clock { get; } = new();

    /// <summary>Every log entry of the station and the peer.</summary>
    public TestLogSink Logs { get; }

    /// <summary>Lock, clock, background work and logging of the station.</summary>
    public StationRuntime Runtime { get; }

    /// <summary>Where the configuration is persisted.</summary>
    public InMemoryConfigurationStore ConfigurationStore { get; }

    /// <summary>The configuration block, with the model's adjustments.</summary>
    public ConfigurationService Configuration { get; }

    /// <summary>The Central System.</summary>
    public CentralSystemPeer CentralSystem { get; }

    /// <summary>Where the station's handlers of the Central System's CALLs are registered.</summary>
    public CallRouter Router { get; } = new();

    /// <summary>The reconnecting client under the link.</summary>
    public ReconnectingRpcClient Client { get; }

    /// <summary>Checks every frame the station sends against the official OCPP 1.6 schemas.</summary>
    public SchemaCheckingObserver Schemas { get; } = new();

    /// <summary>The station's view of the Central System.</summary>
    public CentralSystemLink Link { get; }

    /// <summary>The ordered queue of non-transaction messages.</summary>
    public OutgoingMessages Outgoing { get; }

    /// <summary>The definitions a station of <paramref name="model"/> has, as <see cref="ChargePoint"/> builds them.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions(StationModel model, IReadOnlyList<FeatureProfile>? profiles = null) =>
        ConfigurationService.Adjust(CoreKeys.Definitions(model, SupportedMeasurands.For(model), profiles ?? [FeatureProfile.Core]), model);

    /// <summary>A logger writing to <see cref="Logs"/>.</summary>
    public ILogger Logger(string category) => _loggerFactory.CreateLogger(category);

    /// <summary>
    /// Connects to the Central System with the registration Accepted, and waits until online. After
    /// <see cref="GoOfflineAsync"/> this lets up to a back-off of virtual time pass.
    /// </summary>
    public async Task GoOnlineAsync()
    {
        Link.SetRegistration(RegistrationStatus.Accepted);
        await ConnectAsync();
        await Link.WaitUntilOnlineAsync(CancellationToken.None).OrTimeout();
    }

    /// <summary>
    /// Opens the connection without touching the registration (a boot test registers itself), and
    /// waits until it is open. After <see cref="GoOfflineAsync"/> this lets up to a back-off of virtual time pass.
    /// </summary>
    public async Task ConnectAsync()
    {
        CentralSystem.Reachable = true;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnConnected() => connected.TrySetResult();
        Link.Connected += OnConnected;
        try
        {
            if (_dialling.IsCompleted)
            {
                _dialling = Client.RunAsync(_stopping.Token);
            }

            for (var attempt = 0; !Link.IsConnected; attempt++)
            {
                // After a drop the client waits out its back-off: let up to one back-off of virtual time pass.
                Assert.True(attempt < 4, "the station did not reconnect");
                await Task.WhenAny(connected.Task, Clock.WaitForTimerWithinAsync(BackOff)).OrTimeout();
                if (!Link.IsConnected)
                {
                    await AdvanceAsync(BackOff);
                }
            }
        }
        finally
        {
            Link.Connected -= OnConnected;
        }
    }

    /// <summary>Drops the connection and refuses new ones; returns once the station noticed.</summary>
    public async Task GoOfflineAsync()
    {
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDisconnected() => disconnected.TrySetResult();
        Link.Disconnected += OnDisconnected;
        try
        {
            CentralSystem.Reachable = false;
            await CentralSystem.DropAsync();
            if (Link.IsConnected)
            {
                await disconnected.Task.OrTimeout();
            }
        }
        finally
        {
            Link.Disconnected -= OnDisconnected;
        }
    }

    /// <summary>Runs <paramref name="action"/> under the station lock, as every entry point of a station does.</summary>
    public async Task LockedAsync(Action action)
    {
        using (await Runtime.Lock.EnterAsync().OrTimeout())
        {
            action();
        }
    }

    /// <summary>Runs <paramref name="action"/> under the station lock.</summary>
    public async Task<T> LockedAsync<T>(Func<T> action)
    {
        using (await Runtime.Lock.EnterAsync().OrTimeout())
        {
            return action();
        }
    }

    /// <summary>Runs <paramref name="action"/> under the station lock.</summary>
    public async Task LockedAsync(Func<Task> action)
    {
        using (await Runtime.Lock.EnterAsync().OrTimeout())
        {
            await action().OrTimeout();
        }
    }

    /// <summary>
    /// Moves virtual time forward timer by timer, letting the station finish what each timer
    /// started before the next one fires, so everything happens at the time it was due.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var target = Clock.GetUtcNow() + delta;
        do
        {
            await Runtime.Background.WhenIdleAsync().OrTimeout();
        }
        while (Clock.StepTowards(target));

        await Runtime.Background.WhenIdleAsync().OrTimeout();
    }

    /// <summary>
    /// A barrier for "what was sent": waits for the station's background work, sends a Heartbeat
    /// through the ordered queue, and returns what the Central System received before it (and not
    /// taken yet). Needs the station online and the test to send no Heartbeat of its own.
    /// </summary>
    public async Task<IReadOnlyList<IOcppRequest>> FlushAsync()
    {
        await Runtime.Background.WhenIdleAsync().OrTimeout();
        await Outgoing.SendAsync(new HeartbeatRequest()).OrTimeout();

        // Transaction messages leave on their own path and may follow the Heartbeat: they stay for the next take.
        return CentralSystem.TakeCallsBefore(call => call is HeartbeatRequest);
    }

    /// <summary>The StatusNotifications sent so far (see <see cref="FlushAsync"/>).</summary>
    public async Task<IReadOnlyList<StatusNotificationRequest>> FlushStatusesAsync() =>
        [.. (await FlushAsync()).OfType<StatusNotificationRequest>()];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync().AsTask().OrTimeout();
        await _stopping.CancelAsync();
        await IgnoreCancellationAsync(_dialling);
        await IgnoreCancellationAsync(_sending);
        await CentralSystem.DisposeAsync();
        _stopping.Dispose();
        _loggerFactory.Dispose();
        Logs.AssertNoErrors();
        Schemas.AssertValid();
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task.OrTimeout();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
