using Microsoft.Extensions.Time.Testing;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Composition;
using Station.Configuration;
using Station.Hardware.Simulated;
using Station.Model;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Configuration;

/// <summary>
/// The key definitions are shared by every station of a model (a fleet of thousands holds them
/// once); the values stay each station's own.
/// </summary>
public sealed class ConfigurationCatalogTests
{
    private readonly TestLogSink _logs = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Two_stations_of_one_model_share_the_catalogue_and_keep_their_own_values()
    {
        var model = StationModel.Tsct2007Cp with { };
        var firstStore = new InMemoryConfigurationStore();
        var secondStore = new InMemoryConfigurationStore(new Dictionary<string, string> { [CoreKeys.HeartbeatInterval] = "30" });
        await using var first = Station(model, "CP-A", firstStore);
        await using var second = Station(model, "CP-B", secondStore);

        Assert.Same(first.Configuration.Catalog, second.Configuration.Catalog);

        // Case-insensitive as before, persisted in the station's own store, seen by it alone.
        Assert.Equal(ConfigurationStatus.Accepted, first.Configuration.Change("heartbeatinterval", "45"));
        Assert.Equal("45", first.Configuration.Get(CoreKeys.HeartbeatInterval));
        Assert.Equal("30", second.Configuration.Get(CoreKeys.HeartbeatInterval));
        Assert.Equal([(CoreKeys.HeartbeatInterval, "45")], firstStore.Saves);
        Assert.Empty(secondStore.Saves);

        // Read-only keys stay read-only through the shared definitions.
        Assert.Equal(ConfigurationStatus.Rejected, second.Configuration.Change(CoreKeys.NumberOfConnectors, "3"));
    }

    [Fact]
    public async Task Another_model_has_a_catalogue_of_its_own()
    {
        var model = StationModel.Tsct2007Cp with { };
        var other = model with
        {
            Configuration = new Dictionary<string, ConfigurationKeyModel>(model.Configuration, StringComparer.Ordinal)
            {
                [CoreKeys.HeartbeatInterval] = new() { Value = "20", Min = 10, Max = 60 },
            },
        };
        await using var first = Station(model, "CP-A", new InMemoryConfigurationStore());
        await using var second = Station(other, "CP-B", new InMemoryConfigurationStore());

        Assert.NotSame(first.Configuration.Catalog, second.Configuration.Catalog);
        Assert.Equal("20", second.Configuration.Get(CoreKeys.HeartbeatInterval));
        Assert.NotEqual("20", first.Configuration.Get(CoreKeys.HeartbeatInterval));
    }

    [Fact]
    public void A_composition_of_its_own_gets_a_catalogue_of_its_own()
    {
        var model = StationModel.Tsct2007Cp with { };
        var options = new ChargePointOptions { ChargePointId = "CP-A", CentralSystemUri = new Uri("ws://central-system.test/ocpp") };
        IReadOnlyList<ModuleDefinition> coreOnly = [.. StationComposition.Default.Where(d => d.Name is "Configuration")];

        var shared = ConfigurationCatalog.For(StationComposition.Setup(model, options));
        var own = ConfigurationCatalog.For(StationComposition.Setup(model, options, coreOnly), coreOnly);

        Assert.Same(shared, ConfigurationCatalog.For(StationComposition.Setup(model, options)));
        Assert.NotSame(shared, own);
        Assert.True(own.Count < shared.Count);
    }

    [Fact]
    public void Two_keys_differing_only_in_case_are_refused()
    {
        var key = CoreKeys.Definitions(StationModel.Tsct2007Cp, new HashSet<string>(), [FeatureProfile.Core])[0];

        Assert.Throws<ArgumentException>(() => new ConfigurationCatalog([key, key with { Name = key.Name.ToUpperInvariant() }]));
    }

    private ChargePoint Station(StationModel model, string id, InMemoryConfigurationStore configuration)
    {
        var hardware = new SimulatedStationHardware([.. model.Connectors.Select(_ => new SimulatedConnectorSpec())], _time);
        var stores = new StationStores
        {
            Configuration = configuration,
            Availability = new InMemoryAvailabilityStore(),
            AuthorizationCache = new InMemoryAuthorizationCacheStore(),
            Transactions = new InMemoryTransactionStore(),
        };
        var options = new ChargePointOptions { ChargePointId = id, CentralSystemUri = new Uri("ws://central-system.test/ocpp") };
        return new ChargePoint(model, options, hardware.Connectors, stores, _time, _logs.CreateFactory());
    }
}
