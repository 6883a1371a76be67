namespace Station.Hardware;

/// <summary>
/// What a connector offers the EV: on an AC station the control pilot's PWM duty cycle of
/// IEC 61851-1, which tells the vehicle the most current per phase it may draw. The station's
/// Smart Charging block sets it to the composite charging limit at every period boundary; a station
/// maker implements it for their EVSE controller.
/// </summary>
public interface IPowerController
{
    /// <summary>
    /// Offers at most <paramref name="amperesPerPhase"/> on <paramref name="phases"/> phases; null
    /// offers the connector's rating (no charging profile limits it). 0 offers nothing (the EV pauses,
    /// the transaction goes on).
    /// </summary>
    ValueTask SetCurrentLimitAsync(double? amperesPerPhase, int phases, CancellationToken cancellationToken = default);
}
