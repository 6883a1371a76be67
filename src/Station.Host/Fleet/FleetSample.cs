namespace Station.Host.Fleet;

/// <summary>One second of the fleet for the report: when, frames so far, and stations connected, booted and charging.</summary>
internal readonly record struct FleetSample(double Seconds, long Sent, long Received, int Connected, int Booted, int Charging);
