using CsCheck;
using Station.SmartCharging;
using Xunit;
using Xunit.Abstractions;

namespace Station.Tests.SmartCharging;

/// <summary>
/// The composite schedule and the limit now against <see cref="ReferenceLimits"/>, a brute-force
/// reading of §3.13 evaluated second by second (or on a coarser grid for long windows), for random
/// stations and profiles of every purpose, kind, unit, stack level and validity. A failure is
/// shrunk by CsCheck and then reduced to a minimal case (<see cref="CompositeCaseReducer"/>),
/// printed with every instant relative to the window start. The runs are short for CI; replay a
/// seed for longer with <c>CsCheck_Seed=... CsCheck_Time=60 dotnet test tests/Station.Tests --filter CompositeSchedulePropertyTests</c>.
/// </summary>
public sealed class CompositeSchedulePropertyTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Pitfall", "3")]
    public void Composite_equals_the_per_second_reference_over_windows_of_up_to_an_hour() =>
        CompositeCaseGenerators.Cases(grain: 1, span: 3600, maxDuration: 3600).Sample(c => CompositeCaseReducer.Check(c, c =>
        {
            var actual = CompositeScheduleCalculator.Calculate(c.Installed, c.Station, c.ConnectorId, c.Start, c.Duration, c.Unit).Schedule!.Periods;
            var expected = ReferenceLimits.Composite(c.Installed, c.Station, c.ConnectorId, c.From, c.Duration, c.Unit);
            Assert.Equal(expected, actual);
        }), iter: Iterations(400), time: Check.Time, writeLine: output.WriteLine, print: c => c.ToString());

    [Fact]
    [Trait("Pitfall", "3")]
    public void Composite_equals_the_reference_on_a_five_minute_grid_over_windows_of_up_to_twelve_days() =>
        CompositeCaseGenerators.Cases(grain: 300, span: 8 * 86_400, maxDuration: 12 * 86_400).Sample(c => CompositeCaseReducer.Check(c, c =>
        {
            var actual = CompositeScheduleCalculator.Calculate(c.Installed, c.Station, c.ConnectorId, c.Start, c.Duration, c.Unit).Schedule!.Periods;
            Assert.Equal(OnGrid(c, 300), actual);
        }), iter: Iterations(300), time: Check.Time, writeLine: output.WriteLine, print: c => c.ToString());

    [Fact]
    public void The_limit_now_is_the_reference_and_holds_exactly_until_its_next_change() =>
        (from c in CompositeCaseGenerators.Cases(grain: 1, span: 3600, maxDuration: 3600)
         from offset in Gen.Int[0, 3600]
         select (c, offset)).Sample((c, offset) => CompositeCaseReducer.Check(c, c =>
        {
            var now = c.From + offset;
            var limit = InstantLimitCalculator.At(c.Installed, c.Station, c.ConnectorId, DateTimeOffset.FromUnixTimeSeconds(now), c.Unit);
            var reference = new ReferenceLimits(c.Installed, c.Station, c.ConnectorId, c.Unit);
            var expected = reference.At(now, anchorWithoutTransaction: null);
            Assert.Equal(expected, (limit.Limit, limit.NumberPhases, limit.FromProfile));

            // Constant until NextChange (looked at for an hour), different at it unless it is only the "read again" horizon.
            var next = limit.NextChange?.ToUnixTimeSeconds();
            var scanEnd = Math.Min(next ?? long.MaxValue, now + 3600);
            for (var t = now + 1; t < scanEnd; t++)
            {
                Assert.Equal(expected, reference.At(t, null));
            }

            if (next is { } n && n <= now + 3600)
            {
                Assert.NotEqual(expected, reference.At(n, null));
            }
        }), iter: Iterations(400), time: Check.Time, writeLine: output.WriteLine, print: x => $"at +{x.Item2}s of\n{x.Item1}");

    private static int Iterations(int forCi) => Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? forCi : (int)Check.Iter;

    // The reference sampled every grain seconds: exact when every instant of the case lies on the grid.
    private static CompositePeriod[] OnGrid(CompositeCase c, int grain)
    {
        var reference = new ReferenceLimits(c.Installed, c.Station, c.ConnectorId, c.Unit);
        var periods = new List<CompositePeriod>();
        for (var offset = 0; offset < Math.Max(c.Duration, 1); offset += grain)
        {
            var (limit, phases, _) = reference.At(c.From + offset, c.From);
            if (periods.Count == 0 || periods[^1].Limit != limit || periods[^1].NumberPhases != phases)
            {
                periods.Add(new CompositePeriod(offset, limit, phases));
            }
        }

        return [.. periods];
    }
}
