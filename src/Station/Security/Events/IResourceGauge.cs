namespace Station.Security.Events;

/// <summary>
/// Reads how full the station's memory and storage are, for the security event MemoryExhaustion
/// ("the Flash or RAM memory of the Charge Point is getting full"). A station maker's platform may
/// know better than the process (<see cref="ProcessResourceGauge"/>); tests give a fixed reading.
/// </summary>
public interface IResourceGauge
{
    /// <summary>The reading now.</summary>
    ResourceReading Read();
}
