using Microsoft.Data.Sqlite;
using Station.Transactions;

namespace Station.Storage.Sqlite;

/// <summary>The transaction journal (<c>transactions</c>) and its outbox (<c>outbox</c>, <c>dead_letters</c>).</summary>
public sealed class SqliteTransactionStore(StationDatabase database) : ITransactionStore
{
    private const string StartTransaction = "StartTransaction";
    private const string StopTransaction = "StopTransaction";

    /// <inheritdoc/>
    public Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload) => database.InTransactionAsync(connection =>
    {
        var localId = (long)StationDatabase.Command(
            connection,
            null,
            """
            INSERT INTO transactions (station, connector_id, id_tag, parent_id_tag, meter_start, started_at, reservation_id, last_meter_wh, last_meter_at)
            VALUES ($station, $connector, $idTag, $parent, $meterStart, $startedAt, $reservation, $lastWh, $lastAt) RETURNING local_id
            """,
            ("$connector", transaction.ConnectorId),
            ("$idTag", transaction.IdTag),
            ("$parent", transaction.ParentIdTag),
            ("$meterStart", transaction.MeterStartWh),
            ("$startedAt", Text.Date(transaction.StartedAt)),
            ("$reservation", transaction.ReservationId),
            ("$lastWh", transaction.LastMeterWh),
            ("$lastAt", Text.Date(transaction.LastMeterAt))).ExecuteScalar()!;
        RaiseRegister(connection, null, transaction.ConnectorId, transaction.LastMeterWh, transaction.LastMeterAt);
        for (var seq = 0; seq < transaction.TransactionData.Count; seq++)
        {
            StationDatabase.Command(
                connection,
                null,
                "INSERT INTO transaction_data (station, local_id, seq, payload) VALUES ($station, $id, $seq, $payload)",
                ("$id", localId),
                ("$seq", seq + 1),
                ("$payload", transaction.TransactionData[seq])).ExecuteNonQuery();
        }

        Insert(connection, null, new OutboxMessage(StartTransaction, startTransactionPayload, localId));
        return localId;
    });

    /// <inheritdoc/>
    public Task RecordSampleAsync(TransactionSample sample) => database.InTransactionAsync(connection =>
    {
        RecordReading(connection, null, sample.LocalId, sample.EnergyWh, sample.At);
        if (sample.MeterValuesPayload is { } meterValues)
        {
            Insert(connection, null, new OutboxMessage("MeterValues", meterValues, sample.LocalId));
        }

        if (sample.TransactionDataPayload is { } value)
        {
            StationDatabase.Command(
                connection,
                null,
                "INSERT INTO transaction_data (station, local_id, seq, payload) " +
                "VALUES ($station, $id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM transaction_data WHERE station = $station AND local_id = $id), $payload)",
                ("$id", sample.LocalId),
                ("$payload", value)).ExecuteNonQuery();

            // Keep the first value and the latest ones (ORS-8): drop the second-oldest beyond the limit.
            StationDatabase.Command(
                connection,
                null,
                """
                DELETE FROM transaction_data WHERE station = $station AND local_id = $id AND seq = (
                    SELECT seq FROM transaction_data WHERE station = $station AND local_id = $id ORDER BY seq LIMIT 1 OFFSET 1)
                AND (SELECT COUNT(*) FROM transaction_data WHERE station = $station AND local_id = $id) > $limit
                """,
                ("$id", sample.LocalId),
                ("$limit", Math.Max(1, sample.TransactionDataLimit))).ExecuteNonQuery();
        }

        return 0;
    });

    /// <inheritdoc/>
    public Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at) => database.InTransactionAsync(connection =>
    {
        RaiseRegister(connection, null, connectorId, energyWh, at);
        return 0;
    });

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> LoadRegisters() => database.Use(connection =>
    {
        var result = new Dictionary<int, double>();
        using var reader = StationDatabase.Command(connection, null, "SELECT connector_id, energy_wh FROM meter_registers WHERE station = $station").ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetInt32(0)] = reader.GetDouble(1);
        }

        return result;
    });

    /// <inheritdoc/>
    public Task SetTransactionIdAsync(long localId, int transactionId) => database.InTransactionAsync(connection =>
        StationDatabase.Command(connection, null, "UPDATE transactions SET transaction_id = $tid WHERE station = $station AND local_id = $id", ("$tid", transactionId), ("$id", localId))
            .ExecuteNonQuery());

    /// <inheritdoc/>
    public Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) => database.InTransactionAsync(connection =>
    {
        RecordReading(connection, null, localId, finalEnergyWh, at);
        StationDatabase.Command(connection, null, "UPDATE transactions SET ended = 1 WHERE station = $station AND local_id = $id", ("$id", localId)).ExecuteNonQuery();
        StationDatabase.Command(connection, null, "DELETE FROM transaction_data WHERE station = $station AND local_id = $id", ("$id", localId)).ExecuteNonQuery();
        Insert(connection, null, new OutboxMessage(StopTransaction, stopTransactionPayload, localId));
        return 0;
    });

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen() => database.Use<IReadOnlyList<StoredTransaction>>(connection =>
    {
        var result = new List<StoredTransaction>();
        using var reader = StationDatabase.Command(
            connection,
            null,
            """
            SELECT local_id, connector_id, id_tag, parent_id_tag, meter_start, started_at, reservation_id, transaction_id, last_meter_wh, last_meter_at
            FROM transactions WHERE station = $station AND ended = 0 ORDER BY local_id
            """).ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredTransaction
            {
                LocalId = reader.GetInt64(0),
                ConnectorId = reader.GetInt32(1),
                IdTag = reader.GetString(2),
                ParentIdTag = reader.IsDBNull(3) ? null : reader.GetString(3),
                MeterStartWh = reader.GetInt32(4),
                StartedAt = Text.Date(reader.GetString(5)),
                ReservationId = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                TransactionId = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                LastMeterWh = reader.GetDouble(8),
                LastMeterAt = Text.Date(reader.GetString(9)),
            });
        }

        reader.Close();
        return [.. result.Select(t => t with { TransactionData = LoadTransactionData(connection, t.LocalId) })];
    });

    /// <inheritdoc/>
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => database.InTransaction((connection, tx) =>
    {
        Rewrite(connection, tx, "SELECT sequence, action, payload FROM outbox WHERE station = $station", "UPDATE outbox SET payload = $payload WHERE station = $station AND sequence = $key", rewrite);
        Rewrite(
            connection,
            tx,
            "SELECT rowid, 'MeterValues', payload FROM transaction_data WHERE station = $station",
            "UPDATE transaction_data SET payload = $payload WHERE station = $station AND rowid = $key",
            rewrite);
        var open = new List<(long Id, string StartedAt, string LastAt)>();
        using (var reader = StationDatabase.Command(connection, tx, "SELECT local_id, started_at, last_meter_at FROM transactions WHERE station = $station AND ended = 0").ExecuteReader())
        {
            while (reader.Read())
            {
                open.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (id, startedAt, lastAt) in open)
        {
            StationDatabase.Command(
                connection,
                tx,
                "UPDATE transactions SET started_at = $started, last_meter_at = $last WHERE station = $station AND local_id = $id",
                ("$started", Text.Date(Text.Date(startedAt) + delta)),
                ("$last", Text.Date(Text.Date(lastAt) + delta)),
                ("$id", id)).ExecuteNonQuery();
        }

        return 0;
    });

    /// <inheritdoc/>
    public int? FindTransactionId(long localId) => database.Use(connection =>
        StationDatabase.Command(connection, null, "SELECT transaction_id FROM transactions WHERE station = $station AND local_id = $id", ("$id", localId)).ExecuteScalar() is long id
            ? (int?)id
            : null);

    /// <inheritdoc/>
    public Task EnqueueAsync(OutboxMessage message) => database.InTransactionAsync(connection =>
    {
        Insert(connection, null, message);
        return 0;
    });

    /// <inheritdoc/>
    public OutboxEntry? Peek() => database.Use(connection =>
    {
        using var reader = StationDatabase.Command(
            connection, null, "SELECT sequence, action, payload, local_transaction_id, attempts FROM outbox WHERE station = $station ORDER BY sequence LIMIT 1").ExecuteReader();
        return reader.Read()
            ? new OutboxEntry(reader.GetInt64(0), new OutboxMessage(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3)), reader.GetInt32(4))
            : null;
    });

    /// <inheritdoc/>
    public int Count() => database.Use(connection =>
        Convert.ToInt32(StationDatabase.Command(connection, null, "SELECT COUNT(*) FROM outbox WHERE station = $station").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null) => database.InTransactionAsync(connection =>
    {
        if (localTransactionId is { } localId && transactionId is { } id)
        {
            StationDatabase.Command(connection, null, "UPDATE transactions SET transaction_id = $tid WHERE station = $station AND local_id = $id", ("$tid", id), ("$id", localId)).ExecuteNonQuery();
        }

        StationDatabase.Command(connection, null, "DELETE FROM outbox WHERE station = $station AND sequence = $seq", ("$seq", sequence)).ExecuteNonQuery();
        return 0;
    });

    /// <inheritdoc/>
    public Task RecordAttemptAsync(long sequence, int attempts) => database.InTransactionAsync(connection =>
        StationDatabase.Command(connection, null, "UPDATE outbox SET attempts = $attempts WHERE station = $station AND sequence = $seq", ("$attempts", attempts), ("$seq", sequence))
            .ExecuteNonQuery());

    /// <inheritdoc/>
    public Task AbandonAsync(long sequence, string reason) => database.InTransactionAsync(connection =>
    {
        StationDatabase.Command(
            connection,
            null,
            """
            INSERT INTO dead_letters (station, sequence, action, payload, local_transaction_id, attempts, reason)
            SELECT station, sequence, action, payload, local_transaction_id, attempts, $reason FROM outbox WHERE station = $station AND sequence = $seq
            """,
            ("$reason", reason),
            ("$seq", sequence)).ExecuteNonQuery();
        StationDatabase.Command(connection, null, "DELETE FROM outbox WHERE station = $station AND sequence = $seq", ("$seq", sequence)).ExecuteNonQuery();
        return 0;
    });

    /// <inheritdoc/>
    public Task<int> AbandonTransactionAsync(long localTransactionId, string reason) => database.InTransactionAsync(connection =>
    {
        StationDatabase.Command(
            connection,
            null,
            """
            INSERT INTO dead_letters (station, sequence, action, payload, local_transaction_id, attempts, reason)
            SELECT station, sequence, action, payload, local_transaction_id, attempts, $reason FROM outbox WHERE station = $station AND local_transaction_id = $id
            """,
            ("$reason", reason),
            ("$id", localTransactionId)).ExecuteNonQuery();
        return StationDatabase.Command(connection, null, "DELETE FROM outbox WHERE station = $station AND local_transaction_id = $id", ("$id", localTransactionId)).ExecuteNonQuery();
    });

    /// <inheritdoc/>
    public int DeadLetterCount() => database.Use(connection =>
        Convert.ToInt32(StationDatabase.Command(connection, null, "SELECT COUNT(*) FROM dead_letters WHERE station = $station").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

    private static void Rewrite(SqliteConnection connection, SqliteTransaction tx, string select, string update, Func<string, string, string> rewrite)
    {
        var rows = new List<(long Key, string Action, string Payload)>();
        using (var reader = StationDatabase.Command(connection, tx, select).ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (key, action, payload) in rows)
        {
            StationDatabase.Command(connection, tx, update, ("$payload", rewrite(action, payload)), ("$key", key)).ExecuteNonQuery();
        }
    }

    private static List<string> LoadTransactionData(SqliteConnection connection, long localId)
    {
        var values = new List<string>();
        using var reader = StationDatabase.Command(connection, null, "SELECT payload FROM transaction_data WHERE station = $station AND local_id = $id ORDER BY seq", ("$id", localId)).ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // The transaction's last reading (its meterStop after a power loss) and its connector's register floor.
    private static void RecordReading(SqliteConnection connection, SqliteTransaction? tx, long localId, double energyWh, DateTimeOffset at)
    {
        StationDatabase.Command(
            connection,
            tx,
            "UPDATE transactions SET last_meter_wh = $wh, last_meter_at = $at WHERE station = $station AND local_id = $id AND ended = 0",
            ("$wh", energyWh),
            ("$at", Text.Date(at)),
            ("$id", localId)).ExecuteNonQuery();
        StationDatabase.Command(
            connection,
            tx,
            """
            INSERT INTO meter_registers (station, connector_id, energy_wh, at) SELECT station, connector_id, $wh, $at FROM transactions WHERE station = $station AND local_id = $id
            ON CONFLICT (station, connector_id) DO UPDATE SET energy_wh = excluded.energy_wh, at = excluded.at WHERE excluded.energy_wh > energy_wh
            """,
            ("$wh", energyWh),
            ("$at", Text.Date(at)),
            ("$id", localId)).ExecuteNonQuery();
    }

    private static void RaiseRegister(SqliteConnection connection, SqliteTransaction? tx, int connectorId, double energyWh, DateTimeOffset at) =>
        StationDatabase.Command(
            connection,
            tx,
            """
            INSERT INTO meter_registers (station, connector_id, energy_wh, at) VALUES ($station, $connector, $wh, $at)
            ON CONFLICT (station, connector_id) DO UPDATE SET energy_wh = excluded.energy_wh, at = excluded.at WHERE excluded.energy_wh > energy_wh
            """,
            ("$connector", connectorId),
            ("$wh", energyWh),
            ("$at", Text.Date(at))).ExecuteNonQuery();

    private static void Insert(SqliteConnection connection, SqliteTransaction? tx, OutboxMessage message) =>
        StationDatabase.Command(
            connection,
            tx,
            "INSERT INTO outbox (station, action, payload, local_transaction_id) VALUES ($station, $action, $payload, $local)",
            ("$action", message.Action),
            ("$payload", message.Payload),
            ("$local", message.LocalTransactionId)).ExecuteNonQuery();
}
