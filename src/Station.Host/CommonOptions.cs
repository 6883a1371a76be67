using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Station.Host;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Option<LogLevel> LogLevel = new("--log-level")
    {
        Description = "Least severe log level written: Trace, Debug, Information, Warning, Error, Critical, None",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
    };

    /// <summary>
    /// One line per log entry, framework chatter only from warnings up; on stderr when
    /// <paramref name="toStandardError"/>, for commands whose stdout is their output.
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging, LogLevel level, bool toStandardError = false)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(level);
        logging.AddFilter("Microsoft", Microsoft.Extensions.Logging.LogLevel.Warning);
        if (toStandardError)
        {
            logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace);
        }
    }
}
