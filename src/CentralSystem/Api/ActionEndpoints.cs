using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace CentralSystem.Api;

/// <summary>
/// <c>GET /actions</c>: the requests the Central System can send, from the protocol library's
/// registry; <c>GET /actions/{Action}/schema</c>: the official JSON schema of one, for the web UI's form.
/// </summary>
internal sealed class ActionEndpoints(ILogger logger)
{
    public Task ListAsync(HttpContext context)
    {
        IReadOnlyList<ActionBody> actions =
        [
            .. CallEndpoint.Actions.Select(action => new ActionBody(
                action.Name, action.Profile.ToString(), RequestSchemas.For(action.Name) is null ? null : $"/actions/{action.Name}/schema")),
        ];
        return ApiResponse.JsonAsync(context, StatusCodes.Status200OK, actions, ApiJsonContext.Relaxed.IReadOnlyListActionBody);
    }

    public async Task SchemaAsync(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["action"]!;
        if (!OcppActions.TryGet(name, out var action) || action.Direction == MessageDirection.ChargePointToCentralSystem || RequestSchemas.For(name) is not { } schema)
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status404NotFound, $"no schema of a request the Central System sends is named '{name}'").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/schema+json";
        await context.Response.Body.WriteAsync(schema, context.RequestAborted).ConfigureAwait(false);
    }
}
