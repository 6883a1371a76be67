using System.Collections.Concurrent;
using System.Diagnostics;
using Ocpp16.Testing;

namespace Station.Host.Tests;

/// <summary>
/// The <c>ocpp-station</c> command in a child process, as a user runs it: its stdout and stderr
/// lines, waits on them and on its exit bounded in real time, SIGTERM, and a kill on dispose.
/// </summary>
internal sealed class CommandProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private CommandProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public int ExitCode => _process.ExitCode;

    public static CommandProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the command with <paramref name="environment"/> added to this process's environment.</summary>
    public static CommandProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // dotnet test tells child processes which host runs them; a developer's shell has it on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ocpp-station.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var command = new CommandProcess(process);
        process.OutputDataReceived += (_, e) => command.Add(command._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => command.Add(command._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return command;
    }

    /// <summary>The first stdout (or, with <paramref name="stderr"/>, stderr) line matching <paramref name="predicate"/>, waiting for it within <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, bool stderr = false)
    {
        var lines = stderr ? _stderr : _stdout;
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        while (true)
        {
            if (lines.FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                // Exited: once its output is read to the end, the line is there or never will be.
                _process.WaitForExit();
                if (lines.FirstOrDefault(predicate) is { } last)
                {
                    return last;
                }

                throw new InvalidOperationException($"the process exited ({_process.ExitCode}) without that line; stdout:\n{string.Join("\n", _stdout)}\nstderr:\n{string.Join("\n", _stderr)}");
            }

            try
            {
                await _lineArrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no such line within {timeout}; stdout:\n{string.Join("\n", _stdout)}\nstderr:\n{string.Join("\n", _stderr)}");
            }
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to exit (and its output to be read) within <paramref name="timeout"/>; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout, TimeProvider.System);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a service manager stops the process.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().OrTimeout();
    }

    /// <summary>kill -9: the power is cut; nothing in the process runs after this.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().OrTimeout();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().OrTimeout();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            // End of the stream: wake a waiter so it notices the exit.
            _lineArrived.Release();
            return;
        }

        lines.Enqueue(line);
        _lineArrived.Release();
    }
}
