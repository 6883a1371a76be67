using Ocpp16.Messages;
using Station.Configuration;
using Station.Connection;
using Station.Hardware;
using Station.Model;
using Station.Runtime;

namespace Station.Composition;

/// <summary>
/// What every block of one station instance is built from: the ground every block stands on
/// (model, options, runtime, configuration, the link and its queues, stores, hardware) and the
/// small interfaces the blocks built before it provide. A block takes what it needs with
/// <see cref="Require{T}"/> (or <see cref="Find{T}"/> for an optional block) and offers its own
/// with <see cref="Provide{T}"/>.
/// </summary>
public sealed class StationContext
{
    private readonly Dictionary<Type, object> _provided = [];

    /// <summary>Creates the context of one station instance.</summary>
    public StationContext(
        ModuleSetup setup,
        StationRuntime runtime,
        ConfigurationService configuration,
        CentralSystemLink link,
        OutgoingMessages outgoing,
        DurableNotifications notifications,
        StationStores stores,
        IReadOnlyList<IConnectorHardware> hardware,
        IStationLifecycle lifecycle)
    {
        Setup = setup;
        Runtime = runtime;
        Configuration = configuration;
        Link = link;
        Outgoing = outgoing;
        Notifications = notifications;
        Stores = stores;
        Hardware = hardware;
        Lifecycle = lifecycle;
    }

    /// <summary>The model, options and profiles.</summary>
    public ModuleSetup Setup { get; }

    /// <summary>The station model.</summary>
    public StationModel Model => Setup.Model;

    /// <summary>How the station instance connects and behaves.</summary>
    public ChargePointOptions Options => Setup.Options;

    /// <summary>The feature profiles of the present modules.</summary>
    public IReadOnlyList<FeatureProfile> Profiles => Setup.Profiles;

    /// <summary>Lock, clock, background work and logging.</summary>
    public StationRuntime Runtime { get; }

    /// <summary>The configuration keys of every present module.</summary>
    public ConfigurationService Configuration { get; }

    /// <summary>The connection to the Central System.</summary>
    public CentralSystemLink Link { get; }

    /// <summary>The ordered queue of the station's own non-transaction messages.</summary>
    public OutgoingMessages Outgoing { get; }

    /// <summary>Notifications owed across a power loss.</summary>
    public DurableNotifications Notifications { get; }

    /// <summary>Where each block persists its state.</summary>
    public StationStores Stores { get; }

    /// <summary>The connectors' hardware, index i being connector i + 1.</summary>
    public IReadOnlyList<IConnectorHardware> Hardware { get; }

    /// <summary>Rebooting and powering down the station instance.</summary>
    public IStationLifecycle Lifecycle { get; }

    /// <summary>Where the station keeps files (downloaded firmware, diagnostics archives).</summary>
    public string DataDirectory => Options.DataDirectory
        ?? Path.Combine(Path.GetTempPath(), "ocpp-station", string.Concat(Options.ChargePointId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')));

    /// <summary>Offers <paramref name="service"/> as <typeparamref name="T"/> to the blocks built after this one; returns it.</summary>
    public T Provide<T>(T service)
        where T : class
    {
        if (!_provided.TryAdd(typeof(T), service))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is provided twice");
        }

        return service;
    }

    /// <summary>The <typeparamref name="T"/> a block built before provides; a composition error when none does.</summary>
    public T Require<T>()
        where T : class =>
        Find<T>() ?? throw new InvalidOperationException($"no block built so far provides {typeof(T).Name}: check the order of the composition");

    /// <summary>The <typeparamref name="T"/> a block built before provides, or null (an optional block is absent).</summary>
    public T? Find<T>()
        where T : class =>
        _provided.TryGetValue(typeof(T), out var service) ? (T)service : null;
}
