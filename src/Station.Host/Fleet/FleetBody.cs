namespace Station.Host.Fleet;

/// <summary>The body of <c>GET /fleet</c>: the fleet's counts now.</summary>
internal sealed record FleetBody(
    int Stations, int Started, int Connected, int Booted, int Charging, long MessagesSent, long MessagesReceived, long Errors, long Reconnects,
    double ResponseP50Ms, double ResponseP99Ms, long AtgTransactions, double ElapsedSeconds, int Seed, long ChaosDisconnects = 0, long ChaosPowerLosses = 0);
