using System.Diagnostics.Metrics;
using System.Globalization;

namespace Station.Host.Fleet;

/// <summary>
/// The fleet's state as gauges of its meter, read when <c>GET /metrics</c> is scraped: stations
/// connected, booted and charging, and the transaction messages waiting in the shared database
/// (queued for delivery, and given up on as dead letters).
/// </summary>
internal static class FleetGauges
{
    public static void Register(Meter meter, FleetRunner fleet, FleetStorage storage)
    {
        meter.CreateObservableGauge("fleet.stations.connected", () => fleet.Counts().Connected, "{station}", "Stations with an open connection to their Central System");
        meter.CreateObservableGauge("fleet.stations.booted", () => fleet.Counts().Booted, "{station}", "Stations whose BootNotification was accepted at least once");
        meter.CreateObservableGauge("fleet.stations.charging", () => fleet.Counts().Charging, "{station}", "Stations with a transaction running on a connector");
        meter.CreateObservableGauge("ocpp.transaction_messages.queued", () => Count(storage, "outbox"), "{message}", "Transaction messages stored and not yet answered, all stations");
        meter.CreateObservableGauge("ocpp.transaction_messages.dead_letters", () => Count(storage, "dead_letters"), "{message}", "Transaction messages given up on and kept, all stations");
    }

    // One query over the fleet's one file, not one per station: a scrape of 15,000 stations stays one read.
    private static long Count(FleetStorage storage, string table) => storage.Database.Use(connection =>
        Convert.ToInt64(Station.Storage.Sqlite.StationDatabase.Command(connection, null, $"SELECT COUNT(*) FROM {table}").ExecuteScalar(), CultureInfo.InvariantCulture));
}
