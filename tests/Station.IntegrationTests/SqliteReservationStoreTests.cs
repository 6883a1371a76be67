using Ocpp16.Testing;
using Station.Reservation;
using Station.Storage.Sqlite;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>The reservations table: a save replaces by reservationId, a delete removes, and both outlive the file being closed.</summary>
public sealed class SqliteReservationStoreTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Reservations_survive_reopening_the_database_with_replacements_and_deletions_applied()
    {
        using var directory = new TempDirectory();
        using (var database = StationDatabase.Open(directory.Path))
        {
            var store = new SqliteReservationStore(database);
            store.Save(new StoredReservation(1, 1, "TAG1", null, Expiry));
            store.Save(new StoredReservation(2, 0, "TAG2", "GROUP", Expiry));
            store.Save(new StoredReservation(1, 2, "TAG3", "GROUP", Expiry.AddHours(1)));
            store.Save(new StoredReservation(3, 1, "TAG4", null, Expiry));
            store.Delete(3);
            store.Delete(42);
        }

        using var reopened = StationDatabase.Open(directory.Path);
        var loaded = new SqliteReservationStore(reopened).Load();

        Assert.Equal(
            [new StoredReservation(1, 2, "TAG3", "GROUP", Expiry.AddHours(1)), new StoredReservation(2, 0, "TAG2", "GROUP", Expiry)],
            loaded);
        Assert.Equal(Expiry.Offset, loaded[1].ExpiryDate.Offset);
    }
}
