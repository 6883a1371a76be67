using CentralSystem;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Model;

namespace Station.Testing;

/// <summary>What a test changes about the station and Central System it runs against.</summary>
public sealed record StationHarnessOptions
{
    /// <summary>The station model; the built-in TSCT-2007CP by default.</summary>
    public StationModel Model { get; init; } = StationModel.Tsct2007Cp;

    /// <summary>Configuration values stored before the first start (as if set earlier by ChangeConfiguration).</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>The Central System's options (its port is always chosen freely).</summary>
    public CentralSystemOptions CentralSystem { get; init; } = new() { HeartbeatInterval = 60 };

    /// <summary>The charge point identity; unique per test by default.</summary>
    public string ChargePointId { get; init; } = $"CP-{Guid.NewGuid():N}"[..16];

    /// <summary>Back-off without jitter, so tests know exactly when the station dials again.</summary>
    public ReconnectPolicy Reconnect { get; init; } = new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), Jitter = 0 };

    /// <summary>The power the simulated EV draws.</summary>
    public double EvPowerW { get; init; } = 7400;

    /// <summary>Where test logs go (ITestOutputHelper.WriteLine), if anywhere.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>Scripts the Central System before the station first connects (e.g. a Rejected boot).</summary>
    public Action<CentralSystemServer, VirtualClock>? ScriptCentralSystem { get; init; }

    /// <summary>Routes the station through a <see cref="NetworkLink"/> the test can cut (offline cases).</summary>
    public bool CuttableNetwork { get; init; }

    /// <summary>Wraps the stores of each process start (fault injection: a full disk).</summary>
    public Func<StationStores, StationStores>? WrapStores { get; init; }

    /// <summary>Adjusts the station's options.</summary>
    public Func<ChargePointOptions, ChargePointOptions>? ConfigureStation { get; init; }

    /// <summary>The blocks the station is composed of; the station's own list unless given.</summary>
    public IReadOnlyList<Station.Composition.ModuleDefinition>? Composition { get; init; }
}
