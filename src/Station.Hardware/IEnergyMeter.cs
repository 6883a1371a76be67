namespace Station.Hardware;

/// <summary>The energy meter of a connector.</summary>
public interface IEnergyMeter
{
    /// <summary>
    /// The current reading. Called on the station's hot path: a real driver returns its last
    /// polled values rather than querying the device.
    /// </summary>
    MeterReading Read();
}
