using CentralSystem.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Station.Host.Control;

namespace Station.Host.Dashboard;

/// <summary>
/// Refuses (403) a state-changing request that a page of another origin sent: with the
/// dashboard a browser talks to the control API, and a web page the user visits must not be able
/// to plug, fault or emergency-stop the station. curl and scripts send no Origin and pass.
/// </summary>
internal static class CrossOriginGuard
{
    public static void Use(IApplicationBuilder app, ILogger logger) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && EmbeddedWebAssets.IsCrossOrigin(request))
            {
                const string error = "a request from a page of another origin is refused";
                HostLog.ControlRefused(logger, StatusCodes.Status403Forbidden, error);
                await Results.Json(new ErrorBody(error), ControlJsonContext.Relaxed.ErrorBody, statusCode: StatusCodes.Status403Forbidden)
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
}
