using Ocpp16.Messages;
using Station.Authorization;
using Station.Connectors;
using Station.Model;
using Station.Transactions;

namespace Station.Tests.Support;

/// <summary>How a <see cref="BlockHarness"/> or <see cref="SessionHarness"/> is set up.</summary>
public sealed record BlockHarnessOptions
{
    /// <summary>The station model; the built-in TSCT-2007CP by default.</summary>
    public StationModel Model { get; init; } = StationModel.Tsct2007Cp;

    /// <summary>Configuration values stored before the blocks start (as if set by an earlier ChangeConfiguration).</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>Availability stored before the blocks start.</summary>
    public IReadOnlyList<StoredAvailability> Availability { get; init; } = [];

    /// <summary>Authorization cache entries stored before the blocks start.</summary>
    public IReadOnlyList<CachedIdTag> CachedIdTags { get; init; } = [];

    /// <summary>The Local Authorization List.</summary>
    public FakeLocalAuthList LocalList { get; init; } = new();

    /// <summary>Transactions an earlier run journaled and never ended (a power loss).</summary>
    public IReadOnlyList<StoredTransaction> OpenTransactions { get; init; } = [];

    /// <summary>The power the simulated EVs draw.</summary>
    public double EvPowerW { get; init; } = 7200;

    /// <summary>Where log lines go (ITestOutputHelper.WriteLine), if anywhere.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>The feature profiles in SupportedFeatureProfiles.</summary>
    public IReadOnlyList<FeatureProfile> Profiles { get; init; } = [FeatureProfile.Core];
}
