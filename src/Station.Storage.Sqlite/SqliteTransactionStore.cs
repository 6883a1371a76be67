using Microsoft.Data.Sqlite;
using Station.Transactions;

namespace Station.Storage.Sqlite;

/// <summary>The transaction journal (<c>transactions</c>) and its outbox (<c>outbox</c>, <c>dead_letters</c>).</summary>
public sealed class SqliteTransactionStore(StationDatabase database) : ITransactionStore
{
    private const string StartTransaction = "StartTransaction";
    private const string StopTransaction = "StopTransaction";

    /// <inheritdoc/>
    public long Begin(StoredTransaction transaction, string startTransactionPayload) => database.InTransaction((connection, tx) =>
    {
        var localId = (long)StationDatabase.Command(
            connection,
            tx,
            """
            INSERT INTO transactions (connector_id, id_tag, parent_id_tag, meter_start, started_at, reservation_id, last_meter_wh, last_meter_at)
            VALUES ($connector, $idTag, $parent, $meterStart, $startedAt, $reservation, $lastWh, $lastAt) RETURNING local_id
            """,
            ("$connector", transaction.ConnectorId),
            ("$idTag", transaction.IdTag),
            ("$parent", transaction.ParentIdTag),
            ("$meterStart", transaction.MeterStartWh),
            ("$startedAt", Text.Date(transaction.StartedAt)),
            ("$reservation", transaction.ReservationId),
            ("$lastWh", transaction.LastMeterWh),
            ("$lastAt", Text.Date(transaction.LastMeterAt))).ExecuteScalar()!;
        Insert(connection, tx, new OutboxMessage(StartTransaction, startTransactionPayload, localId));
        return localId;
    });

    /// <inheritdoc/>
    public void RecordMeter(long localId, double energyWh, DateTimeOffset at) => database.Execute(
        "UPDATE transactions SET last_meter_wh = $wh, last_meter_at = $at WHERE local_id = $id AND ended = 0",
        ("$wh", energyWh),
        ("$at", Text.Date(at)),
        ("$id", localId));

    /// <inheritdoc/>
    public void SetTransactionId(long localId, int transactionId) => database.Execute(
        "UPDATE transactions SET transaction_id = $tid WHERE local_id = $id", ("$tid", transactionId), ("$id", localId));

    /// <inheritdoc/>
    public void End(long localId, string stopTransactionPayload) => database.InTransaction((connection, tx) =>
    {
        StationDatabase.Command(connection, tx, "UPDATE transactions SET ended = 1 WHERE local_id = $id", ("$id", localId)).ExecuteNonQuery();
        Insert(connection, tx, new OutboxMessage(StopTransaction, stopTransactionPayload, localId));
        return 0;
    });

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen() => database.Use(connection =>
    {
        var result = new List<StoredTransaction>();
        using var reader = StationDatabase.Command(
            connection,
            null,
            """
            SELECT local_id, connector_id, id_tag, parent_id_tag, meter_start, started_at, reservation_id, transaction_id, last_meter_wh, last_meter_at
            FROM transactions WHERE ended = 0 ORDER BY local_id
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

        return result;
    });

    /// <inheritdoc/>
    public int? FindTransactionId(long localId) => database.Use(connection =>
        StationDatabase.Command(connection, null, "SELECT transaction_id FROM transactions WHERE local_id = $id", ("$id", localId)).ExecuteScalar() is long id
            ? (int?)id
            : null);

    /// <inheritdoc/>
    public void Enqueue(OutboxMessage message) => database.Use(connection =>
    {
        Insert(connection, null, message);
        return 0;
    });

    /// <inheritdoc/>
    public OutboxEntry? Peek() => database.Use(connection =>
    {
        using var reader = StationDatabase.Command(
            connection, null, "SELECT sequence, action, payload, local_transaction_id, attempts FROM outbox ORDER BY sequence LIMIT 1").ExecuteReader();
        return reader.Read()
            ? new OutboxEntry(reader.GetInt64(0), new OutboxMessage(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3)), reader.GetInt32(4))
            : null;
    });

    /// <inheritdoc/>
    public int Count() => database.Use(connection =>
        Convert.ToInt32(StationDatabase.Command(connection, null, "SELECT COUNT(*) FROM outbox").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public void Complete(long sequence, long? localTransactionId = null, int? transactionId = null) => database.InTransaction((connection, tx) =>
    {
        if (localTransactionId is { } localId && transactionId is { } id)
        {
            StationDatabase.Command(connection, tx, "UPDATE transactions SET transaction_id = $tid WHERE local_id = $id", ("$tid", id), ("$id", localId)).ExecuteNonQuery();
        }

        StationDatabase.Command(connection, tx, "DELETE FROM outbox WHERE sequence = $seq", ("$seq", sequence)).ExecuteNonQuery();
        return 0;
    });

    /// <inheritdoc/>
    public void RecordAttempt(long sequence, int attempts) =>
        database.Execute("UPDATE outbox SET attempts = $attempts WHERE sequence = $seq", ("$attempts", attempts), ("$seq", sequence));

    /// <inheritdoc/>
    public void Abandon(long sequence, string reason) => database.InTransaction((connection, tx) =>
    {
        StationDatabase.Command(
            connection,
            tx,
            """
            INSERT INTO dead_letters (sequence, action, payload, local_transaction_id, attempts, reason)
            SELECT sequence, action, payload, local_transaction_id, attempts, $reason FROM outbox WHERE sequence = $seq
            """,
            ("$reason", reason),
            ("$seq", sequence)).ExecuteNonQuery();
        StationDatabase.Command(connection, tx, "DELETE FROM outbox WHERE sequence = $seq", ("$seq", sequence)).ExecuteNonQuery();
        return 0;
    });

    /// <summary>
    /// The highest meter reading journaled per connector: where a simulated meter resumes after a
    /// power loss, so that registers never go backwards.
    /// </summary>
    public IReadOnlyDictionary<int, double> LastMeterByConnector() => database.Use(connection =>
    {
        var result = new Dictionary<int, double>();
        using var reader = StationDatabase.Command(connection, null, "SELECT connector_id, MAX(last_meter_wh) FROM transactions GROUP BY connector_id").ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetInt32(0)] = reader.GetDouble(1);
        }

        return result;
    });

    private static void Insert(SqliteConnection connection, SqliteTransaction? tx, OutboxMessage message) =>
        StationDatabase.Command(
            connection,
            tx,
            "INSERT INTO outbox (action, payload, local_transaction_id) VALUES ($action, $payload, $local)",
            ("$action", message.Action),
            ("$payload", message.Payload),
            ("$local", message.LocalTransactionId)).ExecuteNonQuery();
}
