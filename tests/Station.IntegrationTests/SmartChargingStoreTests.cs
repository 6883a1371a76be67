using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.SmartCharging;
using Station.Storage.Sqlite;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Support.ChargingProfiles;

namespace Station.IntegrationTests;

/// <summary>Installed charging profiles survive a restart; TxProfiles do not outlive their transaction.</summary>
public sealed class SmartChargingStoreTests(ITestOutputHelper output)
{
    [Fact]
    public void The_SQLite_store_keeps_profiles_in_installation_order_across_reopening()
    {
        using var directory = new TempDirectory();
        var profiles = InstalledProfileSet.Empty
            .Install(0, Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, (0, 20m)).StartingAt(DateTimeOffset.UnixEpoch.AddDays(20000)))
            .Install(1, Profile(2, ChargingProfilePurposeType.TxDefaultProfile, (0, 6m), (60, 7.5m)).Lasting(300).WithPhases(1));
        var (stores, first) = SqliteStationStorage.Open(directory.Path);
        using (first)
        {
            stores.ChargingProfiles.Save(profiles);
        }

        var (reopened, second) = SqliteStationStorage.Open(directory.Path);
        using (second)
        {
            Assert.Equal([.. profiles], reopened.ChargingProfiles.Load(), ProfileComparer.Instance);
            reopened.ChargingProfiles.Save(InstalledProfileSet.Empty);
            Assert.Empty(reopened.ChargingProfiles.Load());
        }
    }

    [Fact]
    public async Task Profiles_survive_a_process_restart_and_the_composite_is_the_same()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var start = harness.Clock.GetUtcNow().AddSeconds(-D);
        await session.InstallAsync(0, Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, (0, 16m), (120, 12m)).StartingAt(start));
        await session.InstallAsync(1, Profile(2, ChargingProfilePurposeType.TxDefaultProfile, (0, 6m)).StartingAt(start));

        // Pitfall 3: the same stackLevel and purpose on the same connector replaces, and stays replaced after a restart.
        await session.InstallAsync(1, Profile(3, ChargingProfilePurposeType.TxDefaultProfile, (0, 10m), (60, 8m)).StartingAt(start));
        var before = await session.CompositeAsync(1, 300);

        await harness.RestartProcessAsync();
        var after = await (await harness.BootAsync()).CompositeAsync(1, 300);

        Assert.Equal([(0, 10m), (60 - D, 8m)], before.Periods());
        Assert.Equal(before.Periods(), after.Periods());
        Assert.Equal(10d, (await harness.AppliedAsync()).LimitA);
    }

    [Fact]
    public async Task A_TxProfile_ends_with_its_transaction_and_does_not_come_back_after_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        await session.InstallAsync(0, Profile(1, ChargingProfilePurposeType.TxDefaultProfile, (0, 12m)));
        await session.InstallAsync(1, Profile(2, ChargingProfilePurposeType.TxProfile, (0, 6m)).ForTransaction(transactionId));
        Assert.Equal([(0, 6m)], (await session.CompositeAsync(1, 60)).Periods());

        // The power fails during the transaction: the next start closes it, and its TxProfile goes with it.
        await harness.RestartProcessAsync();
        var next = await harness.BootAsync();

        Assert.Equal([(0, 12m)], (await next.CompositeAsync(1, 60)).Periods());
        Assert.Equal([(0, ChargingProfilePurposeType.TxDefaultProfile)], StoredPurposes(harness));
    }

    private static List<(int, ChargingProfilePurposeType)> StoredPurposes(StationHarness harness)
    {
        using var database = StationDatabase.Open(harness.DataDirectory);
        return [.. new SqliteChargingProfileStore(database).Load().Select(p => (p.ConnectorId, p.Purpose))];
    }

    // Profiles compare by their wire form: the records hold lists, which compare by reference.
    private sealed class ProfileComparer : IEqualityComparer<InstalledProfile>
    {
        public static ProfileComparer Instance { get; } = new();

        public bool Equals(InstalledProfile? x, InstalledProfile? y) => x is not null && y is not null && Text(x) == Text(y);

        public int GetHashCode(InstalledProfile obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

        private static string Text(InstalledProfile p) =>
            Station.Transactions.TransactionOutbox.Encode(new SetChargingProfileRequest { ConnectorId = p.ConnectorId, CsChargingProfiles = p.Profile });
    }
}
