using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Station.Host.Demo;

/// <summary>
/// <c>demo</c>: the built-in Central System and one simulated station in this process, a local and
/// a remote charging session, the message flow as it happens and a summary; exit code 0 when
/// every step happened, 1 with a one-line reason when one did not.
/// </summary>
internal static class DemoCommand
{
    private static readonly Option<bool> KeepData = new("--keep-data") { Description = "Keep the station's data directory (SQLite database) and print where it is" };

    private static readonly Option<LogLevel> LogLevel = new("--log-level")
    {
        Description = "Least severe log level written to stderr: Trace, Debug, Information, Warning, Error, Critical, None",

        // The message flow is the demo's output; Information logs would drown it.
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    private static readonly Option<int> ControlPort = new("--control-port")
    {
        Description = "Also serve the station's control API and dashboard on 127.0.0.1 at this port, kept up after the script until Ctrl+C (0 = off)",
        DefaultValueFactory = _ => 0,
    };

    public static Command Create()
    {
        var command = new Command("demo", "Play a charging session between a simulated station and the built-in Central System, then exit");
        command.Options.Add(KeepData);
        command.Options.Add(LogLevel);
        command.Options.Add(ControlPort);
        command.SetAction((parse, _) =>
        {
            var port = parse.GetValue(ControlPort);
            return port is < 0 or > 65535
                ? throw new UsageException($"--control-port {port} is outside 0..65535")
                : RunAsync(parse.GetValue(KeepData), parse.GetValue(LogLevel), port);
        });
        return command;
    }

    private static async Task<int> RunAsync(bool keepData, LogLevel logLevel, int controlPort)
    {
        using var shutdown = new ShutdownSignal();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ocpp-station-demo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            DemoSummary summary;
            using (var loggerFactory = LoggerFactory.Create(logging => CommonOptions.ConfigureLogging(logging, logLevel, toStandardError: true)))
            {
                summary = await DemoSession.RunAsync(
                    new DemoOptions
                    {
                        DataDirectory = dataDirectory, LoggerFactory = loggerFactory, Output = Console.Out.WriteLine, ControlPort = controlPort, KeepOpenUntil = shutdown.Token,
                    },
                    shutdown.Token);
            }

            foreach (var line in DemoReport.Lines(summary))
            {
                await Console.Out.WriteLineAsync(line);
            }

            return 0;
        }
        catch (DemoFailedException ex)
        {
            await Console.Error.WriteLineAsync($"error: the demo failed: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("error: the demo was interrupted");
            return 130;
        }
        finally
        {
            if (keepData)
            {
                await Console.Out.WriteLineAsync($"  station data kept in {dataDirectory}");
            }
            else
            {
                TryDelete(dataDirectory);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Temporary files; the system cleans its temp folder.
        }
    }
}
