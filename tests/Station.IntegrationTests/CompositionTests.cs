using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Composition;
using Station.Configuration;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// A station is the list it is composed of: the profiles it advertises, the keys it has and the
/// CALLs it answers follow the modules present, and a new block is one module and one list entry.
/// </summary>
public sealed class CompositionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_profiles_advertised_follow_the_modules_present()
    {
        await using var full = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var bare = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            Composition = [.. StationComposition.Default.Where(d => d.Name != "RemoteTrigger")],
            ConfigureStation = o => o with { FileTransfer = null },
        });

        Assert.Equal("Core,FirmwareManagement,RemoteTrigger,SmartCharging", await ProfilesAsync(await full.BootAsync()));
        Assert.Equal("Core,SmartCharging", await ProfilesAsync(await bare.BootAsync()));
        Assert.Equal([FeatureProfile.Core, FeatureProfile.SmartCharging], bare.Station.Profiles);
    }

    [Fact]
    public async Task A_station_without_a_module_answers_its_actions_NotSupported()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            Composition = [.. StationComposition.Default.Where(d => d.Name != "RemoteTrigger")],
            ConfigureStation = o => o with { FileTransfer = null },
        });
        var session = await harness.BootAsync();

        var trigger = await Assert.ThrowsAsync<OcppCallErrorException>(() => session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat }).OrTimeout());
        var firmware = await Assert.ThrowsAsync<OcppCallErrorException>(() => session.CallAsync(new UpdateFirmwareRequest
        {
            Location = new Uri("http://files.test/fw.bin"),
            RetrieveDate = harness.Clock.GetUtcNow(),
        }).OrTimeout());

        Assert.Equal(OcppErrorCode.NotSupported, trigger.ErrorCode);
        Assert.Equal(OcppErrorCode.NotSupported, firmware.ErrorCode);
        Assert.Null(harness.Station.Block<Firmware.FirmwareService>());
    }

    [Fact]
    public async Task A_new_block_is_one_module_and_one_list_entry_with_its_profile_keys_handler_and_trigger()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            Composition = [.. StationComposition.Default, DummyReservationModule.Definition],
        });
        var session = await harness.BootAsync();

        var reserved = await session.CallAsync(new ReserveNowRequest { ConnectorId = 1, ExpiryDate = harness.Clock.GetUtcNow().AddHours(1), IdTag = "DUMMY", ReservationId = 7 }).OrTimeout();
        var key = await session.CallAsync(new GetConfigurationRequest { Key = [DummyReservationModule.Key] }).OrTimeout();

        Assert.Equal(ReservationStatus.Rejected, reserved.Status);
        Assert.Equal("Core,FirmwareManagement,RemoteTrigger,Reservation", await ProfilesAsync(session));
        Assert.Equal("dummy", Assert.Single(key.ConfigurationKey!).Value);
        Assert.True(harness.Station.Block<DummyReservationModule>()!.SawStationLock, "a Station-lock handler runs under the station lock");
    }

    [Fact]
    public void A_module_that_needs_a_block_built_after_it_is_a_composition_error_naming_it()
    {
        var wrongOrder = StationComposition.Default.Where(d => d.Name != "Connectors").Append(StationComposition.Default.Single(d => d.Name == "Connectors")).ToList();
        using var directory = new TempDirectory();
        var (stores, database) = Storage.Sqlite.SqliteStationStorage.Open(directory.Path);
        using var _ = database;

        var error = Assert.Throws<InvalidOperationException>(() => new ChargePoint(
            Model.StationModel.Tsct2007Cp,
            new ChargePointOptions { ChargePointId = "CP-ORDER", CentralSystemUri = new Uri("ws://127.0.0.1:1/ocpp") },
            new Hardware.Simulated.SimulatedStationHardware([new()], TimeProvider.System).Connectors,
            stores,
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            wrongOrder));

        Assert.Contains("ConnectorService", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> ProfilesAsync(StationSession session) =>
        (await session.CallAsync(new GetConfigurationRequest { Key = [CoreKeys.SupportedFeatureProfiles] }).OrTimeout()).ConfigurationKey![0].Value;

    /// <summary>A block as a new profile would bring it: its own file, one entry in the list.</summary>
    private sealed class DummyReservationModule(StationContext context) : IStationModule, IStationHandler<ReserveNowRequest, ReserveNowResponse>
    {
        public const string Key = "DummyReservationKey";

        public static ModuleDefinition Definition { get; } = new()
        {
            Name = "DummyReservation",
            Profile = FeatureProfile.Reservation,
            Keys = _ =>
            [
                new ConfigurationKeyDefinition
                {
                    Name = Key, Type = ConfigurationValueType.Text, Profile = FeatureProfile.Reservation, DefaultValue = "dummy", ReadOnly = true, Description = "A test key.",
                },
            ],
            Create = context => context.Provide(new DummyReservationModule(context)),
        };

        public bool SawStationLock { get; private set; }

        public HandlerLock Lock => HandlerLock.Station;

        public void RegisterHandlers(HandlerRegistry handlers) => handlers.Add(OcppActions.ReserveNow, this);

        public ValueTask<ReserveNowResponse> HandleAsync(ReserveNowRequest request, IncomingCallContext callContext, CancellationToken cancellationToken = default)
        {
            SawStationLock = context.Runtime.Lock.IsHeld;
            return ValueTask.FromResult(new ReserveNowResponse { Status = ReservationStatus.Rejected });
        }
    }
}
