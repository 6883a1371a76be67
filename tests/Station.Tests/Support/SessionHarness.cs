using System.Threading.Channels;
using Ocpp16.Testing;
using Station.Composition;
using Station.Connection;
using Station.Hardware.Simulated;
using Station.Transactions;

namespace Station.Tests.Support;

/// <summary>
/// The session blocks (connectors, authorization, transactions with their outbox and sessions,
/// metering) as <see cref="StationComposition"/> builds them for <see cref="ChargePoint"/>, over a
/// <see cref="BlockHarness"/>, in-memory stores and simulated hardware in virtual time. The outbox
/// delivers whenever online; no block is started (the tests start what they test). The blocks'
/// typed views are <see cref="StationBlocks"/>'s, the same as the station's.
/// </summary>
public sealed class SessionHarness : StationBlocks, IAsyncDisposable
{
    /// <summary>How often the meter of a running transaction is persisted: odd, so it never coincides with a test's interval.</summary>
    public static readonly TimeSpan MeterCheckpointInterval = TimeSpan.FromSeconds(53);

    /// <summary>The blocks a session needs, from the station's own composition list.</summary>
    public static readonly IReadOnlyList<ModuleDefinition> SessionBlocks =
        [.. StationComposition.Default.Where(d => d.Name is "Connectors" or "Authorization" or "Transactions" or "Metering")];

    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<string> _deliveries = Channel.CreateUnbounded<string>();
    private readonly Task _delivering;

    private SessionHarness(BlockHarnessOptions options)
    {
        Block = new BlockHarness(options);
        var model = options.Model;
        Hardware = new SimulatedStationHardware(
            [.. model.Connectors.Select(c => new SimulatedConnectorSpec { Phases = c.Phases, VoltageV = c.VoltageV, FixedCable = c.FixedCable, EvPowerW = Math.Min(options.EvPowerW, c.MaxPowerW) })],
            Block.Clock);
        TransactionStore = new InMemoryTransactionStore().WithOpen(options.OpenTransactions);
        AvailabilityStore = new InMemoryAvailabilityStore(options.Availability);
        CacheStore = new InMemoryAuthorizationCacheStore(options.CachedIdTags);
        var stores = new StationStores
        {
            Configuration = Block.ConfigurationStore,
            Availability = AvailabilityStore,
            AuthorizationCache = CacheStore,
            Transactions = TransactionStore,
        };
        var stationOptions = new ChargePointOptions
        {
            ChargePointId = "CP-SESSION",
            CentralSystemUri = new Uri("ws://central-system.test/ocpp"),
            MeterCheckpointInterval = MeterCheckpointInterval,
        };
        var setup = StationComposition.Setup(model, stationOptions, SessionBlocks);
        var notifications = new DurableNotifications(Block.Outgoing, Block.Link, stores.Notifications, Block.Runtime);
        Context = new StationContext(setup, Block.Runtime, Block.Configuration, Block.Link, Block.Outgoing, notifications, stores, Hardware.Connectors, Lifecycle);
        Context.Provide(new TriggerSources());
        Context.Provide<Station.Authorization.ILocalAuthList>(options.LocalList);
        Modules = StationComposition.Build(Context, new HandlerRegistry(Block.Router, Block.Runtime), SessionBlocks);
        Outbox.Delivered += action => _deliveries.Writer.TryWrite(action);
        _delivering = Task.WhenAll(Modules.Select(m => m.RunAsync(_stopping.Token)));
    }

    /// <summary>The blocks, as composed.</summary>
    public IReadOnlyList<IStationModule> Modules { get; }

    /// <summary>What the blocks asked of the station instance (reboots, power downs).</summary>
    public RecordingLifecycle Lifecycle { get; } = new();

    /// <summary>The ground: runtime, clock, logs, configuration, link, Central System.</summary>
    public BlockHarness Block { get; }

    /// <summary>The simulated connectors, EVs and reader, attached to <see cref="StationBlocks.Inputs"/>.</summary>
    public SimulatedStationHardware Hardware { get; }

    /// <summary>The transaction journal and outbox.</summary>
    public InMemoryTransactionStore TransactionStore { get; }

    /// <summary>Where availability is persisted.</summary>
    public InMemoryAvailabilityStore AvailabilityStore { get; }

    /// <summary>Where the authorization cache is persisted.</summary>
    public InMemoryAuthorizationCacheStore CacheStore { get; }

    /// <summary>Builds the blocks, attaches the hardware and, when <paramref name="online"/>, connects.</summary>
    public static async Task<SessionHarness> StartAsync(BlockHarnessOptions? options = null, bool online = true)
    {
        var harness = new SessionHarness(options ?? new BlockHarnessOptions());
        await harness.Hardware.AttachAsync(harness.Inputs).AsTask().OrTimeout();
        if (online)
        {
            await harness.Block.GoOnlineAsync();
        }

        return harness;
    }

    /// <summary>The action of the next transaction message the Central System answered (after the station handled the answer).</summary>
    public async Task<string> NextDeliveryAsync() => await _deliveries.Reader.ReadAsync().AsTask().OrTimeout();

    /// <summary>Plugs in connector <paramref name="connectorId"/> and authorizes <paramref name="idTag"/> (of group <paramref name="parentIdTag"/>) there; returns the transaction.</summary>
    public async Task<Transaction> StartTransactionAsync(int connectorId, string idTag, string? parentIdTag = null)
    {
        await Hardware.PlugAsync(connectorId).AsTask().OrTimeout();
        await Block.LockedAsync(() => Transactions.AuthorizeAsync(connectorId, new PendingAuthorization(idTag, parentIdTag)));
        return Transactions.On(connectorId) ?? throw new InvalidOperationException($"no transaction started on connector {connectorId}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _delivering.OrTimeout();
        }
        catch (OperationCanceledException)
        {
        }

        Hardware.Detach();
        await Block.DisposeAsync();
        _stopping.Dispose();
    }
}
