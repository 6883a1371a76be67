namespace Station.Hardware.Simulated;

/// <summary>
/// Integrates the power the simulated EV draws over the injected time, so energy advances
/// instantly and deterministically in virtual-time tests.
/// </summary>
public sealed class SimulatedEnergyMeter : IEnergyMeter
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly SimulatedConnectorSpec _spec;
    private readonly Func<double> _powerW;
    private readonly Func<SimulatedPowerController?> _offer;
    // Energy in milliwatt-ticks, an exact integer: floating-point sums of many small steps would drift
    // below whole Wh (3679.9999 instead of 3680) and the register is floored for meterStop.
    private Int128 _milliwattTicks;
    private long _settledAt;

    internal SimulatedEnergyMeter(TimeProvider timeProvider, SimulatedConnectorSpec spec, Func<double> powerW, Func<SimulatedPowerController?> offer)
    {
        _offer = offer;
        _timeProvider = timeProvider;
        _spec = spec;
        _powerW = powerW;
        _settledAt = timeProvider.GetTimestamp();
    }

    /// <summary>The energy register in Wh.</summary>
    public double EnergyWh
    {
        get
        {
            lock (_lock)
            {
                SettleLocked();
                return EnergyLocked;
            }
        }
    }

    /// <inheritdoc/>
    public MeterReading Read()
    {
        double energy;
        lock (_lock)
        {
            SettleLocked();
            energy = EnergyLocked;
        }

        var power = _powerW();
        var currentPerPhase = power / (_spec.VoltageV * _spec.Phases);
        var offer = _offer();
        return new MeterReading
        {
            EnergyActiveImportWh = energy,
            PowerActiveImportW = power,
            CurrentImportA = Enumerable.Repeat(currentPerPhase, _spec.Phases).ToArray(),
            VoltageV = Enumerable.Repeat(_spec.VoltageV, _spec.Phases).ToArray(),
            FrequencyHz = 50,
            CurrentOfferedA = offer?.LimitA,
            PowerOfferedW = offer?.LimitA is not null ? offer.MaxPowerW(_spec.VoltageV, _spec.Phases) : null,
        };
    }

    /// <summary>Books the energy drawn at the current power up to now; call before the power changes.</summary>
    internal void Settle()
    {
        lock (_lock)
        {
            SettleLocked();
        }
    }

    private double EnergyLocked => _spec.InitialEnergyWh + ((double)_milliwattTicks / (1000.0 * TimeSpan.TicksPerHour));

    private void SettleLocked()
    {
        var now = _timeProvider.GetTimestamp();
        var milliwatts = (long)Math.Round(_powerW() * 1000);
        _milliwattTicks += (Int128)milliwatts * _timeProvider.GetElapsedTime(_settledAt, now).Ticks;
        _settledAt = now;
    }
}
