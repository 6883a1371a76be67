using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using CentralSystem;
using Microsoft.Extensions.Logging;

namespace Station.Host.Csms;

/// <summary>
/// <c>csms</c>: the built-in Central System on a port, printing every frame of every station as
/// one line on stdout (logs go to stderr) until SIGINT or SIGTERM.
/// </summary>
internal static class CsmsCommand
{
    private static readonly Option<int> Port = new("--port") { Description = "TCP port to listen on (0 = any free port)", DefaultValueFactory = _ => 9000 };
    private static readonly Option<string> Host = new("--host", "--listen") { Description = "Address to listen on; 0.0.0.0 accepts stations from the network", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<int> HeartbeatInterval = new("--heartbeat-interval")
    {
        Description = "Seconds the BootNotification answer gives as heartbeat interval (0 = the station chooses)",
        DefaultValueFactory = _ => 60,
    };
    private static readonly Option<string[]> Deny = new("--deny") { Description = "An idTag to answer Invalid (repeat for more); every other idTag is Accepted", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<bool> Json = new("--json") { Description = "Print each frame as a JSON object with the raw frame instead of a readable line" };

    // A load test's thousands of frames per second would cost the Central System more to print than to answer.
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Print no frame lines (the listening line and logs only): for load tests" };

    // The library keeps 10,000 frames per session for tests; a csms process may hold 15,000 stations,
    // where 10,000 frames each is gigabytes. The dashboard shows the last 300, the API's log pages less.
    private static readonly Option<int> FrameHistory = new("--frame-history")
    {
        Description = "Frames kept per station for the dashboard and the HTTP API, the oldest dropped first (0 keeps none)",
        DefaultValueFactory = _ => DefaultFrameHistory,
    };

    /// <summary>Frames kept per station by default: more than the dashboard's live view shows (300).</summary>
    public const int DefaultFrameHistory = 500;

    public static Command Create()
    {
        var command = new Command("csms", "Run the built-in Central System; stations connect to ws://HOST:PORT/ocpp/<id> (wss:// with --tls-cert)");
        command.Options.Add(Port);
        command.Options.Add(Host);
        command.Options.Add(HeartbeatInterval);
        command.Options.Add(Deny);
        command.Options.Add(Json);
        command.Options.Add(Quiet);
        command.Options.Add(FrameHistory);
        command.Options.Add(CommonOptions.LogLevel);
        foreach (var option in CsmsSecurity.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => parse.GetValue(CsmsSecurity.GenerateTestPki) is { } directory
            ? CsmsSecurity.WriteTestPkiAsync(directory, Console.Out)
            : RunAsync(CsmsSecurity.Apply(parse, Resolve(parse)), parse.GetValue(Json), parse.GetValue(Quiet), parse.GetValue(CommonOptions.LogLevel)));
        return command;
    }

    private static CentralSystemOptions Resolve(ParseResult parse)
    {
        var port = parse.GetValue(Port);
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--port {port} is outside 0..65535");
        }

        var host = parse.GetValue(Host)!;
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new UsageException($"--host '{host}' is not an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every interface)");

        var heartbeat = parse.GetValue(HeartbeatInterval);
        if (heartbeat < 0)
        {
            throw new UsageException($"--heartbeat-interval {heartbeat} is negative; give seconds, or 0 to let the station choose");
        }

        var denied = parse.GetValue(Deny) ?? [];
        foreach (var idTag in denied)
        {
            // idTag is CiString20 (OCPP 1.6 §7.15).
            if (idTag.Length is 0 or > 20)
            {
                throw new UsageException($"--deny '{idTag}' is not an idTag of 1 to 20 characters");
            }
        }

        var history = parse.GetValue(FrameHistory);
        if (history < 0)
        {
            throw new UsageException($"--frame-history {history} is negative; give the frames to keep per station, or 0 for none");
        }

        return new CentralSystemOptions
        {
            ListenAddress = address, Port = port, HeartbeatInterval = heartbeat, DeniedIdTags = denied, FrameHistoryLimit = history,
        };
    }

    private static async Task<int> RunAsync(CentralSystemOptions options, bool json, bool quiet, LogLevel logLevel)
    {
        // The contract's web UI and JSON API for scripts, on the port of the WebSocket endpoint.
        options = options with { EnableHttpApi = true };
        using var shutdown = new ShutdownSignal();
        using var loggerFactory = LoggerFactory.Create(logging => CommonOptions.ConfigureLogging(logging, logLevel, toStandardError: true));
        CentralSystemServer csms;
        try
        {
            csms = await CentralSystemServer.StartAsync(options, loggerFactory, TimeProvider.System, shutdown.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw new UsageException($"cannot listen on {options.ListenAddress}:{options.Port}: {ex.Message.ReplaceLineEndings(" ")}");
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            return 0;
        }

        await using (csms)
        {
            if (!quiet)
            {
                var lines = new FrameLineWriter(Console.Out, json);
                csms.FrameRecorded += (_, frame) => lines.Write(frame);
            }

            var everywhere = options.ListenAddress.Equals(IPAddress.Any) || options.ListenAddress.Equals(IPAddress.IPv6Any);
            await Console.Out.WriteLineAsync($"csms listening on {csms.Endpoint}{(everywhere ? " (and on every other interface of this machine)" : string.Empty)}{CsmsSecurity.Describe(options)}");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGINT or SIGTERM: a normal stop.
            }
        }

        return 0;
    }
}
