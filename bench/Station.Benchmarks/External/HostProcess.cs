using System.Diagnostics;
using System.Globalization;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.External;

/// <summary>
/// One <c>ocpp-station</c> command (<c>csms</c> or <c>run</c>) in its own process, as a user starts
/// it. Its output is read all the time (a full pipe would stall it), the last lines kept for an
/// error message; a waiter can take the first line that starts with a prefix.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly string _name;
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly List<(string Prefix, TaskCompletionSource<string> Line)> _waiters = [];

    private HostProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet DLL ARGS</c> with <paramref name="environment"/> added to this process's.</summary>
    public static HostProcess Start(string name, string hostDll, IEnumerable<string> args, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, name);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        if (!process.Start())
        {
            throw new BenchmarkFailedException($"{name} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The first line from now on that starts with <paramref name="prefix"/>.</summary>
    public async Task<string> WaitForLineAsync(string prefix)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((prefix, line));
        }

        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(line.Task, exited).Bounded($"{_name}: a line starting '{prefix}'") != line.Task)
        {
            throw new BenchmarkFailedException($"{_name} exited with {_process.ExitCode} before printing '{prefix}...':\n{Tail()}");
        }

        return await line.Task;
    }

    /// <summary>What the process printed last, for an error message.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>SIGTERM (an orderly shutdown), then SIGKILL if it is still running after 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15), TimeProvider.System);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>>? matched = null;
        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.StartsWith(_waiters[i].Prefix, StringComparison.Ordinal))
                {
                    (matched ??= []).Add(_waiters[i].Line);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched?.ForEach(waiter => waiter.TrySetResult(line));
    }
}
