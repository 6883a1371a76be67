using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CentralSystem.Api;

/// <summary>How the API answers: JSON bodies, and refusals that say why (in the body and in a log line).</summary>
internal static class ApiResponse
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static Task JsonAsync<T>(HttpContext context, int statusCode, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(body, typeInfo, JsonContentType, context.RequestAborted);
    }

    /// <summary>A body written by hand (a payload as the station sent it, a frame list).</summary>
    public static async Task JsonAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, ApiJsonContext.WriterOptions))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Answers <c>{"error": reason}</c> and logs it, so the operator sees why a script failed.</summary>
    public static Task RefuseAsync(HttpContext context, ILogger logger, int statusCode, string reason)
    {
        ApiLog.Refused(logger, context.Request.Method, context.Request.Path, statusCode, reason);
        return JsonAsync(context, statusCode, new ErrorBody(reason), ApiJsonContext.Relaxed.ErrorBody);
    }
}
