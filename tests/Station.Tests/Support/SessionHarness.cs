using System.Threading.Channels;
using Ocpp16.Testing;
using Station.Authorization;
using Station.Connectors;
using Station.Hardware;
using Station.Hardware.Simulated;
using Station.Metering;
using Station.Transactions;

namespace Station.Tests.Support;

/// <summary>
/// The session blocks (connectors, authorization, transaction outbox, transactions, sessions,
/// metering) wired as <see cref="ChargePoint"/> wires them, over a <see cref="BlockHarness"/>,
/// in-memory stores and simulated hardware in virtual time. The outbox delivers whenever online.
/// </summary>
public sealed class SessionHarness : IAsyncDisposable
{
    /// <summary>How often the meter of a running transaction is persisted: odd, so it never coincides with a test's interval.</summary>
    public static readonly TimeSpan MeterCheckpointInterval = TimeSpan.FromSeconds(53);

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
        IReadOnlyList<IConnectorHardware> hardware = Hardware.Connectors;

        Connectors = new ConnectorService(model.Connectors.Count, AvailabilityStore, Block.Outgoing, Block.Configuration, Block.Runtime);
        Authorization = new AuthorizationService(Block.Link, Block.Outgoing, Block.Configuration, new AuthorizationCache(CacheStore), options.LocalList, Block.Runtime);
        Outbox = new TransactionOutbox(TransactionStore, Block.Link, Block.Configuration, Block.Runtime);
        Transactions = new TransactionService(Connectors, hardware, TransactionStore, Outbox, Authorization, Block.Configuration, Block.Runtime, Math.Max(1, model.StopTransactionMaxMeterValues));
        Sessions = new SessionCoordinator(Transactions, Connectors, Authorization, Block.Configuration, Block.Runtime);
        Metering = new MeteringService(model, hardware, Transactions, Block.Outgoing, Block.Configuration, Block.Runtime, MeterCheckpointInterval);
        Inputs = new ChargePointInputs(model, Block.Runtime, Connectors, Transactions, Sessions, _ => Task.CompletedTask);
        Outbox.Delivered += action => _deliveries.Writer.TryWrite(action);
        _delivering = Outbox.RunAsync(_stopping.Token);
    }

    /// <summary>The ground: runtime, clock, logs, configuration, link, Central System.</summary>
    public BlockHarness Block { get; }

    /// <summary>The simulated connectors, EVs and reader, attached to <see cref="Inputs"/>.</summary>
    public SimulatedStationHardware Hardware { get; }

    /// <summary>The transaction journal and outbox.</summary>
    public InMemoryTransactionStore TransactionStore { get; }

    /// <summary>Where availability is persisted.</summary>
    public InMemoryAvailabilityStore AvailabilityStore { get; }

    /// <summary>Where the authorization cache is persisted.</summary>
    public InMemoryAuthorizationCacheStore CacheStore { get; }

    /// <summary>The connector block.</summary>
    public ConnectorService Connectors { get; }

    /// <summary>The authorization block.</summary>
    public AuthorizationService Authorization { get; }

    /// <summary>The transaction outbox.</summary>
    public TransactionOutbox Outbox { get; }

    /// <summary>The transaction block.</summary>
    public TransactionService Transactions { get; }

    /// <summary>Cards, buttons and remote commands.</summary>
    public SessionCoordinator Sessions { get; }

    /// <summary>The metering block (its clock-aligned and checkpoint timers are not started).</summary>
    public MeteringService Metering { get; }

    /// <summary>The station's side of the hardware events.</summary>
    public IStationInputs Inputs { get; }

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
