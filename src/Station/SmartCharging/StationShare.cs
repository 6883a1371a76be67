namespace Station.SmartCharging;

/// <summary>
/// Shares the ChargePointMaxProfile budget among the connectors that charge. §3.13.1 makes that
/// profile the limit of the whole station, while the composite schedule of a connector (§3.13.3)
/// only caps each connector by it: two EVs each allowed the station's 32 A would draw 64 A from a
/// 32 A grid connection. The budget is divided evenly, a connector limited lower by its own
/// profiles keeps its lower limit, and what it leaves goes to the others (water-filling). In A per
/// phase, added as if every connector used the same phases (the grid connection's worst case).
/// </summary>
public static class StationShare
{
    /// <summary>
    /// Each connector's share of <paramref name="budget"/>: <paramref name="limits"/>[i] is what the
    /// connector's own composite allows, <paramref name="charging"/>[i] whether it has a transaction.
    /// A connector without a transaction draws nothing and keeps its own limit, so it is offered the
    /// right figure the moment a transaction starts (which shares the budget again). Shares are
    /// truncated to tenths, so their sum never exceeds the budget.
    /// </summary>
    public static decimal[] Divide(decimal budget, IReadOnlyList<decimal> limits, IReadOnlyList<bool> charging)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(charging.Count, limits.Count, nameof(charging));
        var shares = limits.ToArray();
        var sharing = Enumerable.Range(0, limits.Count).Where(i => charging[i]).OrderBy(i => limits[i]).ToList();
        var left = Math.Max(0m, budget);
        for (var k = 0; k < sharing.Count; k++)
        {
            var i = sharing[k];
            var even = RateConversion.ToTenths(left / (sharing.Count - k));
            shares[i] = Math.Min(limits[i], even);
            left -= shares[i];
        }

        return shares;
    }
}
