using Microsoft.Data.Sqlite;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Firmware;
using Station.Hardware;
using Station.Hardware.Simulated;
using Station.IntegrationTests.Support;
using Station.Runtime;
using Station.Storage.Sqlite;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>Firmware state across power losses and schema versions.</summary>
public sealed class FirmwareRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_power_loss_during_installation_reports_installation_failed_after_the_boot()
    {
        var installer = new BlockingInstaller();
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, ConfigureStation = o => o with { FirmwareInstaller = installer } });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Valid("10.0.0"));
        var first = await harness.BootAsync();

        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await installer.Entered.Task.OrTimeout();
        await harness.PowerCycleAsync();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        var boot = await second.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        await second.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.InstallationFailed);
        await second.FenceAsync();

        Assert.Equal("v1.0.0", boot.FirmwareVersion);
        Assert.Equal([FirmwareStatus.InstallationFailed], second.FirmwareStatuses());
        Assert.Equal(ChargePointStatus.Available, second.CallsAfter<StatusNotificationRequest>(0).Last(s => s.ConnectorId == 1).Status);
        Assert.Equal("v1.0.0", harness.Station.Firmware.InstalledVersion);
    }

    [Fact]
    public async Task The_profiles_and_transfer_protocols_are_announced()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new GetConfigurationRequest { Key = ["SupportedFeatureProfiles", FirmwareKeys.SupportedFileTransferProtocols] }).OrTimeout();

        var values = answer.ConfigurationKey!.ToDictionary(k => k.Key, k => (k.Value, k.ReadOnly));
        Assert.Equal(("Core,LocalAuthListManagement,Reservation,FirmwareManagement,RemoteTrigger,SmartCharging", true), values["SupportedFeatureProfiles"]);
        Assert.Equal(("FTP,HTTP,HTTPS", true), values[FirmwareKeys.SupportedFileTransferProtocols]);
    }

    [Fact]
    public void The_firmware_state_round_trips_through_sqlite_and_a_version_1_file_is_migrated()
    {
        using var directory = new TempDirectory();
        using (var v1 = new SqliteConnection($"Data Source={Path.Combine(directory.Path, StationDatabase.FileName)};Pooling=false"))
        {
            v1.Open();
            using var create = v1.CreateCommand();
            // The version-1 tables later migrations read (configuration, the transaction journal).
            create.CommandText = """
                CREATE TABLE configuration (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO configuration VALUES ('HeartbeatInterval', '42');
                CREATE TABLE transactions (
                    local_id INTEGER PRIMARY KEY AUTOINCREMENT, connector_id INTEGER NOT NULL, id_tag TEXT NOT NULL,
                    parent_id_tag TEXT NULL, meter_start INTEGER NOT NULL, started_at TEXT NOT NULL, reservation_id INTEGER NULL,
                    transaction_id INTEGER NULL, last_meter_wh REAL NOT NULL, last_meter_at TEXT NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
        }

        var stored = new StoredFirmware
        {
            InstalledVersion = "2.0.0",
            ReportAfterBoot = FirmwareStatus.Installed,
            Update = new FirmwareUpdate
            {
                Location = new Uri("ftp://op:pw@10.0.0.1/fw.bin"),
                RetrieveDate = VirtualClock.Epoch.AddHours(1),
                Retry = new RetryPlan(2, TimeSpan.FromSeconds(30)),
                Stage = FirmwareUpdateStage.Downloaded,
                FilePath = "/data/firmware/fw.bin",
            },
        };
        var (stores, database) = SqliteStationStorage.Open(directory.Path);
        using (database)
        {
            Assert.Equal(StoredFirmware.Empty, stores.Firmware.Load());
            Assert.Equal("42", stores.Configuration.Load()["HeartbeatInterval"]);
            stores.Firmware.Save(stored);
        }

        var (reopened, again) = SqliteStationStorage.Open(directory.Path);
        using (again)
        {
            var loaded = reopened.Firmware.Load();
            Assert.Equal(stored, loaded);

            // Uri equality ignores the user info; the password must survive too.
            Assert.Equal("ftp://op:pw@10.0.0.1/fw.bin", loaded.Update!.Location.OriginalString);
        }
    }

    /// <summary>Verifies like the simulator, then installs until the station stops (a power loss mid-installation).</summary>
    private sealed class BlockingInstaller : IFirmwareInstaller
    {
        private readonly SimulatedFirmwareInstaller _inner = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<FirmwareVerification> VerifyAsync(string imagePath, CancellationToken cancellationToken = default) => _inner.VerifyAsync(imagePath, cancellationToken);

        public async ValueTask<FirmwareInstallResult> InstallAsync(string imagePath, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            return FirmwareInstallResult.Failed("unreachable");
        }
    }
}
