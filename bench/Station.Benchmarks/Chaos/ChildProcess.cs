using System.Diagnostics;
using System.Globalization;

namespace Station.Benchmarks.Chaos;

/// <summary>
/// The <c>ocpp-station</c> command in a child process: its output lines as they arrive (each with
/// the time it was read), waits on them, <c>kill -9</c>, SIGTERM and its exit.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<TimedLine> _stdout = [];
    private readonly List<TimedLine> _stderr = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Each stdout line as it is read, on the reading thread (keep it fast).</summary>
    public event Action<TimedLine>? StdoutLine;

    /// <summary>When the process was started.</summary>
    public long StartedAt { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id (the fleet benchmark reads its memory and CPU from /proc).</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<TimedLine> Stdout
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public IReadOnlyList<TimedLine> Stderr
    {
        get
        {
            lock (_gate)
            {
                return [.. _stderr];
            }
        }
    }

    public static ChildProcess Start(string stationHost, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        // Run the built dll with the dotnet host that runs this benchmark.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(stationHost);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Add(child._stdout, e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => child.Add(child._stderr, e.Data, stdout: false);
        child.StartedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first stdout line that matches, or null once the process exited without one; throws after <paramref name="timeout"/>.</summary>
    public async Task<TimedLine?> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_stdout.FirstOrDefault(l => predicate(l.Text)) is { } line)
                {
                    return line;
                }

                changed = _changed.Task;
            }

            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    return _stdout.FirstOrDefault(l => predicate(l.Text));
                }
            }

            try
            {
                // Bounded also by the exit: the stream's end wakes the wait.
                await changed.WaitAsync(TimeSpan.FromMilliseconds(200), TimeProvider.System, deadline.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no such line within {timeout.TotalSeconds} s");
            }
        }
    }

    /// <summary>kill -9: SIGKILL, nothing in the process runs after it.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It is gone already.
        }
    }

    /// <summary>SIGTERM, as a service manager stops the process.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the exit and the end of its output; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout, TimeProvider.System).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Add(List<TimedLine> lines, string? text, bool stdout)
    {
        TimedLine? line = null;
        lock (_gate)
        {
            if (text is not null)
            {
                line = new TimedLine(Stopwatch.GetTimestamp(), text);
                lines.Add(line);
            }

            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (stdout && line is not null)
        {
            StdoutLine?.Invoke(line);
        }
    }
}
