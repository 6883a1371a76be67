using System.Diagnostics;
using System.Globalization;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Chaos;

/// <summary>The station processes of one chaos run, one after the other on the same data directory.</summary>
internal sealed class ChaosRun(ChaosOptions options, CsmsRecord record, string csmsUrl, string dataDirectory, string config)
{
    private const string KillVariable = "OCPP_STATION_KILL_AT";
    private const string ChargePointId = "CHAOS-CP";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FallbackAfter = TimeSpan.FromSeconds(20);

    private readonly Random _random = new(options.Seed);
    private readonly KillPlanner _planner = new(new Random(options.Seed + 1));
    private int _sessionNumber;

    public List<ChaosInstance> Instances { get; } = [];

    public List<DriverSession> Sessions { get; } = [];

    public List<string> DriverProblems { get; } = [];

    /// <summary>Runs one station process until its kill point, and restarts nothing: the next call does.</summary>
    public async Task KillOnceAsync(int number)
    {
        var point = _planner.Next();
        var instance = new ChaosInstance(number, point, record.Count);
        Instances.Add(instance);
        var environment = point is KillPoint.AroundCommit commit ? new Dictionary<string, string> { [KillVariable] = commit.Value } : null;
        var (station, http) = Start(environment, out var port);
        await using var _ = station;
        using var __ = http;
        instance.StartedAt = station.StartedAt;

        // Between send and answer: killed from the record's reading thread, the moment the line is read.
        var seen = 0;
        void OnFrame(CsmsFrame frame)
        {
            if (point is KillPoint.BetweenSendAndAnswer between && frame.Index >= instance.FirstFrame && frame.IsCallFromStation(between.Action)
                && Interlocked.Increment(ref seen) == between.Occurrence)
            {
                station.Kill();
                instance.KilledAt = Stopwatch.GetTimestamp();
                instance.DiedBy = point.Kind;
            }
        }

        record.Arrived += OnFrame;
        try
        {
            using var stopDriver = new CancellationTokenSource();
            var driving = Task.CompletedTask;
            if (await BootAsync(station, instance, port) is { } bootedAt)
            {
                var driver = new SessionDriver(http, new Random(_random.Next()), () => Interlocked.Increment(ref _sessionNumber));
                driving = driver.RunAsync(number, instance.Sessions, stopDriver.Token).ContinueWith(t => DriverProblems.AddRange(driver.Problems), TaskScheduler.Default);
                await KillAsync(station, instance, point, bootedAt);
            }
            else if (!station.HasExited)
            {
                throw new BenchmarkFailedException($"station process {number} did not boot within {StartTimeout.TotalSeconds} s");
            }

            if (!await station.WaitForExitAsync(StartTimeout))
            {
                throw new BenchmarkFailedException($"station process {number} did not die after SIGKILL");
            }

            await stopDriver.CancelAsync();
            await driving;
            Sessions.AddRange(instance.Sessions);
        }
        finally
        {
            record.Arrived -= OnFrame;
        }

        if (station.Stderr.FirstOrDefault(l => l.Text.StartsWith($"{KillVariable}: SIGKILL", StringComparison.Ordinal)) is { } hook)
        {
            instance.KilledAt = hook.At;
            instance.DiedBy = point.Kind;
        }
        else if (station.ExitCode != 137 && instance.KilledAt is null)
        {
            throw new BenchmarkFailedException($"station process {number} exited by itself with {station.ExitCode}: {string.Join(" | ", station.Stderr.TakeLast(5).Select(l => l.Text))}");
        }
    }

    /// <summary>A last process without a kill point: boots, sends what is queued, and is stopped with SIGTERM.</summary>
    public async Task<FinalState> DrainAsync(int number)
    {
        var instance = new ChaosInstance(number, null, record.Count);
        Instances.Add(instance);
        var (station, http) = Start(null, out var port);
        await using var _ = station;
        using var __ = http;
        instance.StartedAt = station.StartedAt;
        if (await BootAsync(station, instance, port) is not { } bootedAt)
        {
            throw new BenchmarkFailedException("the final station process did not boot");
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        var state = await ChaosCommand.StateAsync(http);
        while (state.GetProperty("queuedTransactionMessages").GetInt32() > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            state = await ChaosCommand.StateAsync(http);
        }

        var drained = ChaosCommand.Milliseconds(bootedAt, Stopwatch.GetTimestamp()) / 1000;
        var final = new FinalState(
            state.GetProperty("queuedTransactionMessages").GetInt32(),
            state.TryGetProperty("deadLetters", out var dead) ? dead.GetInt32() : 0,
            drained);
        await station.TerminateAsync();
        if (!await station.WaitForExitAsync(StartTimeout) || station.ExitCode != 0)
        {
            throw new BenchmarkFailedException("the final station process did not stop cleanly on SIGTERM");
        }

        return final;
    }

    private (ChildProcess Station, HttpClient Http) Start(IReadOnlyDictionary<string, string>? environment, out int port)
    {
        port = ChaosCommand.FreePort();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var station = ChildProcess.Start(
            options.StationHost,
            ["run", "--csms-url", csmsUrl, "--id", ChargePointId, "--data-dir", dataDirectory, "--control-port", portText, "--config", config, "--log-level", "Warning"],
            environment);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portText}"), Timeout = TimeSpan.FromSeconds(30) };
        return (station, http);
    }

    // The boot: process start to the Central System's answer to the BootNotification (its record says when).
    private async Task<long?> BootAsync(ChildProcess station, ChaosInstance instance, int port)
    {
        var control = await station.WaitForLineAsync(l => l == $"control listening on http://127.0.0.1:{port}", StartTimeout);
        var boot = await record.WaitForAsync(
            instance.FirstFrame, f => !f.FromStation && f.Type == 3 && f.Action == "BootNotification", StartTimeout, () => station.HasExited);
        if (boot is null)
        {
            return null;
        }

        instance.BootMilliseconds = ChaosCommand.Milliseconds(instance.StartedAt, boot.ReadAt);
        return control is null ? null : boot.ReadAt;
    }

    private static async Task KillAsync(ChildProcess station, ChaosInstance instance, KillPoint point, long bootedAt)
    {
        if (point is KillPoint.AtRandomTime random)
        {
            var wait = random.AfterBoot - TimeSpan.FromSeconds(ChaosCommand.Milliseconds(bootedAt, Stopwatch.GetTimestamp()) / 1000);
            if (wait > TimeSpan.Zero && await station.WaitForExitAsync(wait))
            {
                return;
            }

            station.Kill();
            instance.KilledAt = Stopwatch.GetTimestamp();
            instance.DiedBy = point.Kind;
            return;
        }

        // The hook or the record's thread kills it; a point that never comes falls back to a kill now.
        if (!await station.WaitForExitAsync(FallbackAfter))
        {
            station.Kill();
            instance.KilledAt ??= Stopwatch.GetTimestamp();
            instance.DiedBy ??= "fallback";
        }
    }
}
