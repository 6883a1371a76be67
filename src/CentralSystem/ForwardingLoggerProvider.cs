using Microsoft.Extensions.Logging;

namespace CentralSystem;

/// <summary>
/// Hands Kestrel's own log lines to the caller's logger factory, behind the embedded host's
/// filters, without the host owning (and disposing) that factory.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory loggerFactory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => loggerFactory.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the caller.
    }
}
