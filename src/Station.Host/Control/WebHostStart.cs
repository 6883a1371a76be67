using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;

namespace Station.Host.Control;

/// <summary>
/// Starting a web host that is handed to the caller: one that fails to start is disposed, not leaked,
/// and a port it cannot listen on (taken by another process) is the command's one-line usage error.
/// </summary>
internal static class WebHostStart
{
    /// <summary>Starts <paramref name="app"/> listening on 127.0.0.1:<paramref name="port"/>; on failure disposes it and rethrows.</summary>
    /// <exception cref="UsageException">The port cannot be listened on, with the reason.</exception>
    public static async Task<WebApplication> StartOrDisposeAsync(WebApplication app, int port, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"cannot listen on 127.0.0.1:{port}: {ex.Message.ReplaceLineEndings(" ")}");
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }
}
