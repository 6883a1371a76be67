using Station.Benchmarks.Fleet;
using Xunit;

namespace Station.Benchmarks.Tests;

/// <summary>The steady phase's response times come from the difference of two scrapes of the fleets' cumulative histograms.</summary>
public sealed class FleetSnapshotTests
{
    [Fact]
    public void The_quantile_between_two_scrapes_counts_only_the_answers_between_them_over_every_action()
    {
        var before = Snapshot(
            """
            # TYPE ocpp_response_time_milliseconds histogram
            ocpp_response_time_milliseconds_bucket{action="Heartbeat",otel_scope_name="Station.Fleet",le="5"} 100
            ocpp_response_time_milliseconds_bucket{action="Heartbeat",otel_scope_name="Station.Fleet",le="50"} 100
            ocpp_response_time_milliseconds_bucket{action="Heartbeat",otel_scope_name="Station.Fleet",le="+Inf"} 100
            ocpp_response_time_milliseconds_count{action="Heartbeat"} 100
            """);
        var after = Snapshot(
            """
            ocpp_response_time_milliseconds_bucket{action="Heartbeat",otel_scope_name="Station.Fleet",le="5"} 110
            ocpp_response_time_milliseconds_bucket{action="Heartbeat",otel_scope_name="Station.Fleet",le="50"} 150
            ocpp_response_time_milliseconds_bucket{action="Heartbeat",otel_scope_name="Station.Fleet",le="+Inf"} 150
            ocpp_response_time_milliseconds_bucket{action="MeterValues",le="5"} 0
            ocpp_response_time_milliseconds_bucket{action="MeterValues",le="50"} 49
            ocpp_response_time_milliseconds_bucket{action="MeterValues",le="+Inf"} 50 1733333333
            """);

        // Between the scrapes: 100 answers, 10 within 5 ms, 99 within 50 ms, one slower.
        Assert.Equal(50, after.QuantileSince(before, 0.5));
        Assert.Equal(50, after.QuantileSince(before, 0.99));
        Assert.Equal(double.PositiveInfinity, after.QuantileSince(before, 1.0));
        Assert.Equal(5, after.QuantileSince(before, 0.1));
        Assert.Null(before.QuantileSince(before, 0.5));
    }

    private static FleetSnapshot Snapshot(string metrics)
    {
        var buckets = new SortedDictionary<double, long>();
        FleetSnapshot.AddBuckets(buckets, metrics);
        return new FleetSnapshot(0, 0, 0, 0, 0, 0, 0, 0, buckets);
    }
}
