using Ocpp16.Messages;

namespace Station.Tests.SmartCharging;

/// <summary>
/// Reduces a failing case to a minimal one on top of CsCheck's shrinking, which works by sampling
/// and rarely lands on a smaller failing set of profiles: drops profiles and transactions, clears
/// fields, drops periods and shortens the window, one change at a time, as long as it still fails.
/// The result is minimal in the sense that no single one of these changes keeps it failing.
/// </summary>
internal static class CompositeCaseReducer
{
    /// <summary>Runs <paramref name="check"/>; when it fails, throws with the reduced case and its failure.</summary>
    public static void Check(CompositeCase @case, Action<CompositeCase> check)
    {
        if (Failure(@case, check) is null)
        {
            return;
        }

        var reduced = @case;
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var candidate in Simpler(reduced))
            {
                if (Failure(candidate, check) is not null)
                {
                    (reduced, progress) = (candidate, true);
                    break;
                }
            }
        }

        throw new InvalidOperationException($"reduced to\n{reduced}{Failure(reduced, check)!.Message}");
    }

    private static Exception? Failure(CompositeCase @case, Action<CompositeCase> check)
    {
        try
        {
            check(@case);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static IEnumerable<CompositeCase> Simpler(CompositeCase c)
    {
        for (var i = 0; i < c.Profiles.Count; i++)
        {
            yield return c with { Profiles = [.. c.Profiles.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < c.Station.Connectors.Count; i++)
        {
            if (c.Station.Connectors[i].Transaction is not null)
            {
                var connectors = c.Station.Connectors.Select((x, j) => j == i ? x with { Transaction = null } : x).ToList();
                yield return c with { Station = c.Station with { Connectors = connectors } };
            }
        }

        if (c.Duration > 1)
        {
            yield return c with { Duration = c.Duration / 2 };
        }

        for (var i = 0; i < c.Profiles.Count; i++)
        {
            foreach (var simpler in Simpler(c.Profiles[i].Profile))
            {
                yield return c with { Profiles = [.. c.Profiles.Select((x, j) => j == i ? x with { Profile = simpler } : x)] };
            }
        }
    }

    private static IEnumerable<ChargingProfile> Simpler(ChargingProfile p)
    {
        var s = p.ChargingSchedule;
        if (p.ValidFrom is not null)
        {
            yield return p with { ValidFrom = null };
        }

        if (p.ValidTo is not null)
        {
            yield return p with { ValidTo = null };
        }

        if (p.TransactionId is not null)
        {
            yield return p with { TransactionId = null };
        }

        if (p.StackLevel > 0)
        {
            yield return p with { StackLevel = 0 };
        }

        if (s.Duration is not null)
        {
            yield return p with { ChargingSchedule = s with { Duration = null } };
        }

        for (var i = 1; i < s.ChargingSchedulePeriod.Count; i++)
        {
            yield return p with { ChargingSchedule = s with { ChargingSchedulePeriod = [.. s.ChargingSchedulePeriod.Where((_, j) => j != i)] } };
        }

        for (var i = 0; i < s.ChargingSchedulePeriod.Count; i++)
        {
            if (s.ChargingSchedulePeriod[i].NumberPhases is not null)
            {
                yield return p with { ChargingSchedule = s with { ChargingSchedulePeriod = [.. s.ChargingSchedulePeriod.Select((x, j) => j == i ? x with { NumberPhases = null } : x)] } };
            }
        }
    }
}
