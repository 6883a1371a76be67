namespace Station.Host.Fleet;

/// <summary>A moment of the fleet: how many stations are connected, booted, charging, what the chaos did if it is on (<c>GET /fleet</c>, progress, report).</summary>
internal sealed record FleetCounts(
    int Stations, int Started, int Connected, int Booted, int Charging, long Sent, long Received, long Errors, long Reconnects, double P50Ms, double P99Ms,
    long ChaosDisconnects = 0, long ChaosPowerLosses = 0, bool Chaos = false);
