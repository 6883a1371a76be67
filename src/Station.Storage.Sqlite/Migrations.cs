namespace Station.Storage.Sqlite;

/// <summary>The schema, one script per version; <c>PRAGMA user_version</c> records how far a file is.</summary>
internal static class Migrations
{
    private static readonly string[] Scripts =
    [
        // 1: the Core profile.
        """
        CREATE TABLE configuration (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE availability (connector_id INTEGER PRIMARY KEY, availability TEXT NOT NULL, scheduled TEXT NULL);
        CREATE TABLE authorization_cache (
            id_tag TEXT PRIMARY KEY COLLATE NOCASE, status TEXT NOT NULL, expiry_date TEXT NULL,
            parent_id_tag TEXT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE transactions (
            local_id INTEGER PRIMARY KEY AUTOINCREMENT, connector_id INTEGER NOT NULL, id_tag TEXT NOT NULL,
            parent_id_tag TEXT NULL, meter_start INTEGER NOT NULL, started_at TEXT NOT NULL, reservation_id INTEGER NULL,
            transaction_id INTEGER NULL, last_meter_wh REAL NOT NULL, last_meter_at TEXT NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, payload TEXT NOT NULL,
            local_transaction_id INTEGER NULL, attempts INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE dead_letters (
            sequence INTEGER PRIMARY KEY, action TEXT NOT NULL, payload TEXT NOT NULL, local_transaction_id INTEGER NULL,
            attempts INTEGER NOT NULL, reason TEXT NOT NULL);
        CREATE TABLE station_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,

        // 2: Firmware Management: the installed version, the status owed after a reboot, the update in progress (one row).
        """
        CREATE TABLE firmware (
            id INTEGER PRIMARY KEY CHECK (id = 1), installed_version TEXT NULL, report_after_boot TEXT NULL,
            update_location TEXT NULL, update_retrieve_date TEXT NULL, update_retries INTEGER NULL,
            update_retry_interval_s INTEGER NULL, update_stage TEXT NULL, update_file TEXT NULL);
        """,

        // 3: the energy register floor of each connector (every reading reported or queued, so a
        // register never runs backwards after a restart), seeded from the journal; and the
        // transactionData of running transactions, for the StopTransaction after a power loss; the
        // firmware and diagnostics notifications not answered yet.
        """
        CREATE TABLE meter_registers (connector_id INTEGER PRIMARY KEY, energy_wh REAL NOT NULL, at TEXT NOT NULL);
        INSERT INTO meter_registers (connector_id, energy_wh, at)
            SELECT connector_id, MAX(last_meter_wh), MAX(last_meter_at) FROM transactions GROUP BY connector_id;
        CREATE TABLE transaction_data (
            local_id INTEGER NOT NULL, seq INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (local_id, seq));
        CREATE TABLE notifications (sequence INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, payload TEXT NOT NULL);
        """,

        // 4: LocalAuthList (Local Auth List Management): the version of each station's list and its
        // entries, idTags unique per station regardless of case (CiString20).
        """
        CREATE TABLE local_auth_list_version (station INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (station));
        CREATE TABLE local_auth_list (
            station INTEGER NOT NULL, id_tag TEXT NOT NULL COLLATE NOCASE, status TEXT NOT NULL, expiry_date TEXT NULL,
            parent_id_tag TEXT NULL, PRIMARY KEY (station, id_tag));
        """,

        // 5: Reservation: the reservations in force, until they are used, cancelled or expire.
        """
        CREATE TABLE reservations (
            station INTEGER NOT NULL, reservation_id INTEGER NOT NULL, connector_id INTEGER NOT NULL,
            id_tag TEXT NOT NULL, parent_id_tag TEXT NULL, expiry_date TEXT NOT NULL,
            PRIMARY KEY (station, reservation_id));
        """,

        // 6: Smart Charging: the installed charging profiles of each station, in installation order
        // (position), each as the SetChargingProfile.req that installed it (connectorId and profile).
        """
        CREATE TABLE charging_profiles (
            station INTEGER NOT NULL, position INTEGER NOT NULL, connector_id INTEGER NOT NULL,
            charging_profile_id INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (station, position));
        """,

        // 7: Security events (issue 12): the security log, each event with the time it happened and
        // whether its SecurityEventNotification was answered; the signed firmware update's fields.
        """
        CREATE TABLE security_events (
            station INTEGER NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, happened_at TEXT NOT NULL,
            tech_info TEXT NULL, delivered INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (station, sequence));
        CREATE INDEX security_events_pending ON security_events (station, delivered, sequence);
        ALTER TABLE firmware ADD COLUMN report_request_id INTEGER NULL;
        ALTER TABLE firmware ADD COLUMN update_request_id INTEGER NULL;
        ALTER TABLE firmware ADD COLUMN update_signing_certificate TEXT NULL;
        ALTER TABLE firmware ADD COLUMN update_signature TEXT NULL;
        ALTER TABLE firmware ADD COLUMN update_install_date TEXT NULL;
        """,

        // 8: Security, certificates: installed roots, the charge point certificate and its key, the key of a
        // pending signing request; deleted rows stay as tombstones (pem and key cleared) so --config does not reinstall them.
        """
        CREATE TABLE certificates (
            station INTEGER NOT NULL, use TEXT NOT NULL, fingerprint TEXT NOT NULL, pem TEXT NULL, private_key TEXT NULL,
            installed_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (station, use, fingerprint));
        """,

        // 9: Fleet: one database for many stations. Every table of the scripts above gets the station's
        // key (StationDatabase.Station, 0 for the rows a lone station wrote): tables with a natural key
        // are rebuilt with (station, key) as their primary key; the journal and the queues keep their
        // AUTOINCREMENT key, unique across the file (so the order of each station's queue is kept), and
        // get the column and an index led by it. A file that lacks a table of the scripts above (a test's
        // hand-made version-1 file) gets it first, so the rebuild has something to copy.
        """
        CREATE TABLE IF NOT EXISTS configuration (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS availability (connector_id INTEGER PRIMARY KEY, availability TEXT NOT NULL, scheduled TEXT NULL);
        CREATE TABLE IF NOT EXISTS authorization_cache (
            id_tag TEXT PRIMARY KEY COLLATE NOCASE, status TEXT NOT NULL, expiry_date TEXT NULL, parent_id_tag TEXT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, payload TEXT NOT NULL,
            local_transaction_id INTEGER NULL, attempts INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS dead_letters (
            sequence INTEGER PRIMARY KEY, action TEXT NOT NULL, payload TEXT NOT NULL, local_transaction_id INTEGER NULL,
            attempts INTEGER NOT NULL, reason TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS station_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE configuration_v (station INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (station, key));
        INSERT INTO configuration_v SELECT 0, key, value FROM configuration;
        DROP TABLE configuration; ALTER TABLE configuration_v RENAME TO configuration;
        CREATE TABLE availability_v (
            station INTEGER NOT NULL, connector_id INTEGER NOT NULL, availability TEXT NOT NULL, scheduled TEXT NULL, PRIMARY KEY (station, connector_id));
        INSERT INTO availability_v SELECT 0, connector_id, availability, scheduled FROM availability;
        DROP TABLE availability; ALTER TABLE availability_v RENAME TO availability;
        CREATE TABLE authorization_cache_v (
            station INTEGER NOT NULL, id_tag TEXT NOT NULL COLLATE NOCASE, status TEXT NOT NULL, expiry_date TEXT NULL,
            parent_id_tag TEXT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (station, id_tag));
        INSERT INTO authorization_cache_v SELECT 0, id_tag, status, expiry_date, parent_id_tag, updated_at FROM authorization_cache;
        DROP TABLE authorization_cache; ALTER TABLE authorization_cache_v RENAME TO authorization_cache;
        CREATE TABLE station_state_v (station INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (station, key));
        INSERT INTO station_state_v SELECT 0, key, value FROM station_state;
        DROP TABLE station_state; ALTER TABLE station_state_v RENAME TO station_state;
        CREATE TABLE firmware_v (
            station INTEGER NOT NULL, id INTEGER NOT NULL CHECK (id = 1), installed_version TEXT NULL, report_after_boot TEXT NULL,
            update_location TEXT NULL, update_retrieve_date TEXT NULL, update_retries INTEGER NULL,
            update_retry_interval_s INTEGER NULL, update_stage TEXT NULL, update_file TEXT NULL,
            report_request_id INTEGER NULL, update_request_id INTEGER NULL, update_signing_certificate TEXT NULL,
            update_signature TEXT NULL, update_install_date TEXT NULL, PRIMARY KEY (station, id));
        INSERT INTO firmware_v SELECT 0, id, installed_version, report_after_boot, update_location, update_retrieve_date, update_retries,
            update_retry_interval_s, update_stage, update_file, report_request_id, update_request_id, update_signing_certificate,
            update_signature, update_install_date FROM firmware;
        DROP TABLE firmware; ALTER TABLE firmware_v RENAME TO firmware;
        CREATE TABLE meter_registers_v (
            station INTEGER NOT NULL, connector_id INTEGER NOT NULL, energy_wh REAL NOT NULL, at TEXT NOT NULL, PRIMARY KEY (station, connector_id));
        INSERT INTO meter_registers_v SELECT 0, connector_id, energy_wh, at FROM meter_registers;
        DROP TABLE meter_registers; ALTER TABLE meter_registers_v RENAME TO meter_registers;
        CREATE TABLE transaction_data_v (
            station INTEGER NOT NULL, local_id INTEGER NOT NULL, seq INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (station, local_id, seq));
        INSERT INTO transaction_data_v SELECT 0, local_id, seq, payload FROM transaction_data;
        DROP TABLE transaction_data; ALTER TABLE transaction_data_v RENAME TO transaction_data;
        ALTER TABLE transactions ADD COLUMN station INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX transactions_by_station ON transactions (station, ended, local_id);
        ALTER TABLE outbox ADD COLUMN station INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX outbox_by_station ON outbox (station, sequence);
        CREATE INDEX outbox_by_transaction ON outbox (station, local_transaction_id);
        ALTER TABLE dead_letters ADD COLUMN station INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX dead_letters_by_station ON dead_letters (station, sequence);
        ALTER TABLE notifications ADD COLUMN station INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX notifications_by_station ON notifications (station, sequence);
        """,
    ];

    /// <summary>The schema version a fully migrated file has.</summary>
    public static int Latest => Scripts.Length;

    public static void Apply(StationDatabase database)
    {
        var version = database.Use(connection => Convert.ToInt32(StationDatabase.Command(connection, null, "PRAGMA user_version").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        if (version > Latest)
        {
            throw new InvalidDataException($"{database.Path} has schema version {version}, newer than this station's {Latest}");
        }

        for (var next = version; next < Latest; next++)
        {
            var script = Scripts[next];
            database.InTransaction((connection, transaction) =>
            {
                StationDatabase.Command(connection, transaction, script).ExecuteNonQuery();
                StationDatabase.Command(connection, transaction, $"PRAGMA user_version = {next + 1}").ExecuteNonQuery();
                return 0;
            });
        }
    }
}
