using Station.Benchmarks.Fleet;
using Xunit;

namespace Station.Benchmarks.Tests;

/// <summary>
/// <c>fleet</c> of the benchmarks: a bad option is one line <c>error: …</c> and exit code 2, before
/// any process starts; the schedule's rate is the arithmetic.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FleetBenchArgumentsTests
{
    [Theory]
    [InlineData("--stations", "0", "--stations must be a whole number from 1 to 200000, got '0'")]
    [InlineData("--stations", "many", "--stations must be a whole number from 1 to 200000, got 'many'")]
    [InlineData("--duration", "5", "--duration must be a whole number from 10 to 86400, got '5'")]
    [InlineData("--per-process", "30000", "--per-process must be a whole number from 1 to 20000, got '30000'")]
    [InlineData("--ramp", "-1", "--ramp must be a whole number from 1 to 100000, got '-1'")]
    [InlineData("--station-host", "/nonexistent/ocpp-station.dll", "--station-host '/nonexistent/ocpp-station.dll' does not exist")]
    [InlineData("--bogus", "1", "unknown option '--bogus'")]
    public async Task A_bad_option_is_one_error_line_and_exit_code_2(string name, string value, string expected)
    {
        var (code, stdout, stderr) = await RunAsync("fleet", name, value);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task An_option_without_its_value_is_one_error_line_and_exit_code_2()
    {
        var (code, _, stderr) = await RunAsync("fleet", "--stations");

        Assert.Equal(2, code);
        Assert.Equal("error: --stations needs a value (see --help)", stderr.Trim());
    }

    [Fact]
    public void Stations_are_split_into_processes_of_at_most_per_process()
    {
        var host = typeof(FleetBenchArgumentsTests).Assembly.Location; // any file that exists
        Assert.Equal(2, FleetBenchOptions.Parse(["--stations", "30000", "--station-host", host]).Processes);
        Assert.Equal(1, FleetBenchOptions.Parse(["--stations", "15000", "--station-host", host]).Processes);
        Assert.Equal(3, FleetBenchOptions.Parse(["--stations", "1001", "--per-process", "500", "--station-host", host]).Processes);
    }

    [Fact]
    public void The_schedule_implies_its_rate_per_station()
    {
        // MeterValues per transaction of 30..60 s at 10 s: 3 on [30, 40), 4 on [40, 50), 5 on [50, 60): 4 on average.
        Assert.Equal(4.0, FleetSchedule.MeterValuesPerTransaction, 9);

        // Per connector (7 + 4) CALLs per 45 + 10 s cycle, two connectors, a Heartbeat a minute.
        Assert.Equal((2 * 11.0 / 55) + (1.0 / 60), FleetSchedule.CallsPerStationSecond, 9);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = await Program.Main(args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
