using Microsoft.Data.Sqlite;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.LocalAuthList;
using Station.Storage.Sqlite;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>The Local Authorization List in the station's SQLite file: whole updates, across restarts, case-insensitive, per station.</summary>
public sealed class LocalAuthListStoreTests
{
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };

    [Fact]
    public void Full_and_Differential_updates_survive_reopening_the_database()
    {
        using var directory = new TempDirectory();
        var expiry = new DateTimeOffset(2031, 7, 9, 13, 5, 0, TimeSpan.FromHours(2));
        WithStore(directory, store =>
        {
            store.Replace(3, [Entry("A"), Entry("B", Accepted with { ParentIdTag = "FLEET", ExpiryDate = expiry })]);
            store.Update(4, [Entry("C", new IdTagInfo { Status = AuthorizationStatus.Blocked })], ["A"]);
        });

        var stored = WithStore(directory, store => store.Load());

        Assert.Equal(4, stored.Version);
        Assert.Equal(
            ["B:Accepted:FLEET:" + expiry.ToString("O"), "C:Blocked::"],
            stored.Entries.OrderBy(e => e.IdTag, StringComparer.Ordinal).Select(e => $"{e.IdTag}:{e.Info.Status}:{e.Info.ParentIdTag}:{e.Info.ExpiryDate?.ToString("O")}"));
    }

    [Fact]
    public void IdTags_are_one_row_whatever_their_case_and_keep_the_latest_spelling()
    {
        using var directory = new TempDirectory();

        var stored = WithStore(directory, store =>
        {
            store.Replace(1, [Entry("card-1"), Entry("CARD-2")]);
            store.Update(2, [Entry("CARD-1", new IdTagInfo { Status = AuthorizationStatus.Expired })], ["card-2"]);
            return store.Load();
        });

        var entry = Assert.Single(stored.Entries);
        Assert.Equal(("CARD-1", AuthorizationStatus.Expired), (entry.IdTag, entry.Info.Status));
    }

    [Fact]
    public void A_write_that_fails_halfway_leaves_the_list_as_it_was()
    {
        using var directory = new TempDirectory();
        WithStore(directory, store => store.Replace(1, [Entry("A"), Entry("B")]));

        WithStore(directory, store =>
        {
            Sql(directory, "CREATE TRIGGER refuse_z BEFORE INSERT ON local_auth_list WHEN NEW.id_tag = 'Z' BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
            Assert.Throws<SqliteException>(() => store.Replace(2, [Entry("X"), Entry("Z")]));
            Assert.Throws<SqliteException>(() => store.Update(2, [Entry("Y"), Entry("Z")], ["A"]));
        });

        var stored = WithStore(directory, store => store.Load());
        Assert.Equal((1, "A,B"), (stored.Version, string.Join(",", stored.Entries.Select(e => e.IdTag).Order(StringComparer.Ordinal))));
    }

    [Fact]
    public void Only_the_stations_own_rows_are_read_and_replaced()
    {
        using var directory = new TempDirectory();
        WithStore(directory, _ => { });
        Sql(directory, "INSERT INTO local_auth_list (station, id_tag, status) VALUES (1, 'OTHER', 'Accepted'); INSERT INTO local_auth_list_version VALUES (1, 9);");

        var stored = WithStore(directory, store =>
        {
            var before = store.Load();
            store.Replace(2, [Entry("MINE")]);
            return (before, after: store.Load());
        });

        Assert.Equal((0, 0), (stored.before.Version, stored.before.Entries.Count));
        Assert.Equal((2, "MINE"), (stored.after.Version, Assert.Single(stored.after.Entries).IdTag));
        Assert.Equal(1L, Sql(directory, "SELECT COUNT(*) FROM local_auth_list WHERE station = 1 AND id_tag = 'OTHER'"));
    }

    [Fact]
    public void A_list_of_ten_thousand_entries_is_one_transaction_and_loads_back()
    {
        using var directory = new TempDirectory();
        var entries = Enumerable.Range(0, LocalAuthListKeys.DefaultListLength).Select(i => Entry($"CARD-{i:D6}")).ToList();

        WithStore(directory, store => store.Replace(7, entries));
        var stored = WithStore(directory, store => store.Load());

        Assert.Equal((7, 10_000), (stored.Version, stored.Entries.Count));
    }

    private static LocalAuthListEntry Entry(string idTag, IdTagInfo? info = null) => new(idTag, info ?? Accepted);

    private static void WithStore(TempDirectory directory, Action<ILocalAuthListStore> work) => WithStore(directory, store =>
    {
        work(store);
        return 0;
    });

    private static T WithStore<T>(TempDirectory directory, Func<ILocalAuthListStore, T> work)
    {
        var (stores, database) = SqliteStationStorage.Open(directory.Path);
        using (database)
        {
            return work(stores.LocalAuthList);
        }
    }

    private static object? Sql(TempDirectory directory, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory.Path, StationDatabase.FileName), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
