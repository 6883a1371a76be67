namespace Station.Composition;

/// <summary>
/// A functional block as the composition sees it: what it answers of the Central System's CALLs,
/// what it does when the station starts and when its registration is accepted, and what it keeps
/// running. Everything a block does beyond this contract goes through its own small interfaces.
/// Every member but <see cref="RunAsync"/> runs under the station lock.
/// </summary>
public interface IStationModule
{
    /// <summary>Registers the handlers of the CALLs this block answers, each with its lock policy.</summary>
    void RegisterHandlers(HandlerRegistry handlers)
    {
    }

    /// <summary>When the station starts, before it connects: recover persisted state, arm deadlines.</summary>
    void Start()
    {
    }

    /// <summary>When the Central System accepted the registration (every BootNotification answered Accepted).</summary>
    void OnBootAccepted()
    {
    }

    /// <summary>Adds what this block knows to the station's snapshot (the control API, the dashboard).</summary>
    void Describe(StationSnapshotBuilder snapshot)
    {
    }

    /// <summary>A loop the block keeps running while the station runs (e.g. the delivery of the outbox).</summary>
    Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
