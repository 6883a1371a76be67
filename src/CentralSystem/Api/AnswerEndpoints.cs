using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CentralSystem.Api;

/// <summary><c>GET /answers</c> and <c>PUT /answers</c>: the default answers as a JSON document (<see cref="AnswersDocument"/>).</summary>
internal sealed class AnswerEndpoints(CentralSystemServer server, ILogger logger)
{
    private readonly Lock _updating = new();

    private const string Example = """{"bootNotification": {"status": "Pending", "interval": 30}, "idTags": {"BLOCKED1": "Blocked"}}""";

    public Task GetAsync(HttpContext context) =>
        ApiResponse.JsonAsync(context, StatusCodes.Status200OK, AnswersDocument.ToBody(server.Answers), ApiJsonContext.Relaxed.AnswersBody);

    public async Task PutAsync(HttpContext context)
    {
        AnswersBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, ApiJsonContext.Relaxed.AnswersBody, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ApiResponse.RefuseAsync(
                context, logger, StatusCodes.Status400BadRequest, $"the body must be a JSON object like {Example}: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, $"the body must be a JSON object like {Example}").ConfigureAwait(false);
            return;
        }

        // Read, change and set as one step: two PUTs at once must not lose either's sections.
        string? problem;
        lock (_updating)
        {
            if (AnswersDocument.TryApply(server.Answers, body, out var changed, out problem))
            {
                server.SetAnswers(changed);
            }
        }

        if (problem is not null)
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var settings = server.Answers;
        ApiLog.AnswersChanged(logger, settings.BootStatus, settings.HeartbeatInterval, settings.IdTagStatuses.Count, settings.StartTransactionStatuses.Count, settings.ParentIdTags.Count);
        var answers = AnswersDocument.ToBody(settings);
        await ApiResponse.JsonAsync(context, StatusCodes.Status200OK, answers, ApiJsonContext.Relaxed.AnswersBody).ConfigureAwait(false);
    }
}
