using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ocpp16.Testing;

namespace Browser.Tests.Support;

/// <summary>
/// <c>ocpp-station run</c> (or <c>fleet</c>) in a child process with its control port (and so its
/// dashboard) on a free loopback port, as a user starts it; killed on dispose, its data directory removed.
/// </summary>
public sealed class StationProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TempDirectory _data;
    private readonly ConcurrentQueue<string> _output = new();

    private StationProcess(Process process, TempDirectory data, int port)
    {
        _process = process;
        _data = data;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    /// <summary>The dashboard, and the base of the control API.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A client of the control API, as a script uses it (no Origin header).</summary>
    public HttpClient Http { get; }

    /// <summary>Starts station <paramref name="id"/> against <paramref name="csmsUrl"/> and waits until its control API listens.</summary>
    public static Task<StationProcess> StartAsync(Uri csmsUrl, string id, params string[] extraArgs)
    {
        var port = FreePort();
        var data = new TempDirectory();
        return StartAsync(
            data,
            port,
            ["run", "--csms-url", csmsUrl.ToString(), "--id", id, "--data-dir", data.Path, "--control-port", port.ToString(CultureInfo.InvariantCulture), "--log-level", "Warning", .. extraArgs]);
    }

    /// <summary>
    /// Starts <c>fleet</c> of <paramref name="stations"/> stations (ids <paramref name="idPrefix"/>00001, …) against
    /// <paramref name="csmsUrl"/>, its control API and fleet view on a free port, and waits until it listens.
    /// </summary>
    public static Task<StationProcess> StartFleetAsync(Uri csmsUrl, int stations, string idPrefix, params string[] extraArgs)
    {
        var port = FreePort();
        var data = new TempDirectory();
        return StartAsync(
            data,
            port,
            [
                "fleet", "--csms-url", csmsUrl.ToString(), "--stations", stations.ToString(CultureInfo.InvariantCulture), "--id-prefix", idPrefix,
                "--data-dir", data.Path, "--control-port", port.ToString(CultureInfo.InvariantCulture), .. extraArgs,
            ]);
    }

    private static async Task<StationProcess> StartAsync(TempDirectory data, int port, string[] command)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ocpp-station.dll"));
        foreach (var arg in command)
        {
            start.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var station = new StationProcess(process, data, port);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            station._output.Enqueue(e.Data);
            if (e.Data.StartsWith("control listening on ", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                station._output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the station exited:\n{string.Join('\n', station._output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(StartTimeout, TimeProvider.System);
        }
        catch
        {
            await station.DisposeAsync();
            throw;
        }

        return station;
    }

    /// <summary>What the process printed so far, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().OrTimeout();
        }

        _process.Dispose();
        _data.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
