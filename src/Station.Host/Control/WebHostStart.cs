using Microsoft.AspNetCore.Builder;

namespace Station.Host.Control;

/// <summary>Starting a web host that is handed to the caller: one that fails to start is disposed, not leaked.</summary>
internal static class WebHostStart
{
    /// <summary>Starts <paramref name="app"/>; on failure disposes it and rethrows.</summary>
    public static async Task<WebApplication> StartOrDisposeAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }
}
