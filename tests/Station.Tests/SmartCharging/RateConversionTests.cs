using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;

namespace Station.Tests.SmartCharging;

/// <summary>A and W: W = A x V x phases, and the wire's one decimal, truncated.</summary>
public sealed class RateConversionTests
{
    [Theory]
    [InlineData(16, 230, 3, 11040)]
    [InlineData(32, 230, 1, 7360)]
    [InlineData(6, 120, 2, 1440)]
    public void Current_per_phase_to_power(decimal amperes, decimal voltage, int phases, decimal watts) =>
        Assert.Equal(watts, RateConversion.Convert(amperes, ChargingRateUnitType.A, ChargingRateUnitType.W, voltage, phases));

    [Theory]
    [InlineData(11040, 230, 3, 16)]
    [InlineData(6000, 230, 1, 26)]
    [InlineData(7000, 230, 3, 10.1)]
    [InlineData(100, 230, 1, 0.4)]
    public void Power_to_current_per_phase_truncated_to_a_tenth(decimal watts, decimal voltage, int phases, decimal amperes) =>
        Assert.Equal(amperes, RateConversion.ToTenths(RateConversion.Convert(watts, ChargingRateUnitType.W, ChargingRateUnitType.A, voltage, phases)));

    [Theory]
    [InlineData(null, 3, 3)]
    [InlineData(null, 1, 1)]
    [InlineData(1, 3, 1)]
    [InlineData(3, 2, 2)]
    public void The_phases_a_period_may_use(int? numberPhases, int supply, int used) =>
        Assert.Equal(used, RateConversion.PhasesUsed(numberPhases, supply));

    [Fact]
    public void A_figure_that_is_already_a_tenth_stays_as_it_is() => Assert.Equal(8.1m, RateConversion.ToTenths(8.1m));
}
