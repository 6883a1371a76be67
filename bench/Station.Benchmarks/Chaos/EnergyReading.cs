namespace Station.Benchmarks.Chaos;

/// <summary>One value of a connector's energy register the Central System received, and where it came from.</summary>
internal sealed record EnergyReading(int ConnectorId, DateTimeOffset At, decimal Wh, string Source);
