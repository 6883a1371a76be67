using Station.Authorization;
using Station.Connectors;
using Station.Hardware;
using Station.Metering;
using Station.Transactions;

namespace Station.Composition;

/// <summary>
/// Typed views of the session blocks every station is composed of, read from the composition's
/// <see cref="StationContext"/>: declared once for the station instance (<see cref="ChargePoint"/>)
/// and for the harnesses that compose the same blocks without the rest of a station.
/// </summary>
public abstract class StationBlocks
{
    private StationContext? _context;

    /// <summary>Where the hardware reports physical events.</summary>
    public IStationInputs Inputs => Context.Require<IStationInputs>();

    /// <summary>The connector block.</summary>
    public ConnectorService Connectors => Context.Require<ConnectorService>();

    /// <summary>The authorization block.</summary>
    public AuthorizationService Authorization => Context.Require<AuthorizationService>();

    /// <summary>The transaction outbox.</summary>
    public TransactionOutbox Outbox => Context.Require<TransactionOutbox>();

    /// <summary>The transaction block.</summary>
    public TransactionService Transactions => Context.Require<TransactionService>();

    /// <summary>Cards, buttons and remote commands.</summary>
    public SessionCoordinator Sessions => Context.Require<SessionCoordinator>();

    /// <summary>The metering block.</summary>
    public MeteringService Metering => Context.Require<MeteringService>();

    /// <summary>The composition's context, set once by the derived type's constructor.</summary>
    protected StationContext Context
    {
        get => _context ?? throw new InvalidOperationException("the blocks are not composed yet");
        set => _context = value;
    }
}
