using Microsoft.Extensions.Hosting;

namespace CentralSystem;

/// <summary>
/// Replaces the console lifetime of the web host: the server is a library inside a command or a
/// test, so Ctrl+C and SIGTERM belong to that process, not to each embedded server.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
