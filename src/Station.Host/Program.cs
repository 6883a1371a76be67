using System.CommandLine;
using Station.Configuration;
using Station.Host;
using Station.Host.Csms;
using Station.Host.Demo;
using Station.Host.Fleet;
using Station.Host.Run;

var root = new RootCommand("OCPP 1.6J charging station: run a station, a Central System, or the demo")
{
    RunCommand.Create(),
    CsmsCommand.Create(),
    DemoCommand.Create(),
    FleetCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync($"error: {parse.Errors[0].Message}");
    return 2;
}

try
{
    // The host handles SIGINT/SIGTERM itself and stops cleanly; System.CommandLine must not race it.
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is UsageException or ModelException)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 2;
}
