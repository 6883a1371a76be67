using CsCheck;
using Station.SmartCharging;
using Xunit;

namespace Station.Tests.SmartCharging;

public sealed class StationShareTests
{
    [Fact]
    public void Two_charging_connectors_share_the_budget_evenly()
    {
        Assert.Equal([16m, 16m], StationShare.Divide(32m, [32m, 32m], [true, true]));
    }

    [Fact]
    public void A_connector_limited_lower_by_its_own_profile_leaves_the_rest_to_the_other()
    {
        Assert.Equal([6m, 26m], StationShare.Divide(32m, [6m, 32m], [true, true]));
    }

    [Fact]
    public void A_connector_without_a_transaction_keeps_its_own_limit_and_takes_nothing_from_the_budget()
    {
        Assert.Equal([32m, 20m], StationShare.Divide(20m, [32m, 32m], [false, true]));
    }

    [Fact]
    public void Shares_are_truncated_to_tenths_so_they_never_add_up_to_more_than_the_budget()
    {
        Assert.Equal([3.3m, 3.3m, 3.4m], StationShare.Divide(10m, [32m, 32m, 32m], [true, true, true]));
    }

    [Fact]
    public void For_any_budget_the_charging_shares_fit_it_stay_within_each_limit_and_use_all_they_can()
    {
        var limit = Gen.Int[0, 640].Select(tenths => tenths / 10m);
        Gen.Select(Gen.Int[0, 1000].Select(t => t / 10m), Gen.Select(limit, Gen.Bool).Array[1, 6]).Sample((budget, connectors) =>
        {
            var limits = connectors.Select(c => c.Item1).ToArray();
            var charging = connectors.Select(c => c.Item2).ToArray();
            var shares = StationShare.Divide(budget, limits, charging);
            var charged = Enumerable.Range(0, limits.Length).Where(i => charging[i]).ToList();
            var wanted = charged.Sum(i => limits[i]);
            var given = charged.Sum(i => shares[i]);
            return shares.Select((s, i) => charging[i] ? s <= limits[i] && s >= 0 : s == limits[i]).All(ok => ok)
                && given <= budget
                && (wanted <= budget ? given == wanted : budget - given < 0.1m * charged.Count);
        });
    }
}
