using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Security;

namespace CentralSystem.Api;

/// <summary>
/// <c>POST /stations/{id}/calls/{Action}</c>: sends the body as the payload of a CALL and answers
/// with the station's CALLRESULT payload (200), its CALLERROR (502), or 504 when no answer came
/// within <c>?timeout=SECONDS</c> (the server's response timeout by default). The payload is
/// checked by the protocol library's codec first: a payload OCPP 1.6 refuses never reaches the station.
/// </summary>
internal sealed class CallEndpoint(CentralSystemServer server, ILogger logger)
{
    /// <summary>Every action the Central System can send, from the protocol library's registry.</summary>
    public static IReadOnlyList<OcppAction> Actions { get; } =
        [.. OcppActions.All.Where(action => action.Direction != MessageDirection.ChargePointToCentralSystem).OrderBy(action => action.Name, StringComparer.Ordinal)];

    public async Task HandleAsync(HttpContext context)
    {
        var id = StationEndpoints.ChargePointId(context);
        var name = (string)context.Request.RouteValues["action"]!;
        if (ActionProblem(name) is { } actionProblem)
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, actionProblem).ConfigureAwait(false);
            return;
        }

        OcppActions.TryGet(name, out var action);
        if (!QueryValues.TryGetSeconds(context.Request, "timeout", server.Options.ResponseTimeout, server.Options.ResponseTimeout, out var timeout, out var timeoutProblem))
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, $"{timeoutProblem} (the Central System's response timeout)").ConfigureAwait(false);
            return;
        }

        var (request, refusal, bodyProblem) = await ReadRequestAsync(context, action!).ConfigureAwait(false);
        if (request is null)
        {
            await ApiResponse.RefuseAsync(context, logger, refusal, bodyProblem!).ConfigureAwait(false);
            return;
        }

        if (!server.TryGetSession(id, out var session) || !session.IsConnected)
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status404NotFound, $"station '{id}' is not connected").ConfigureAwait(false);
            return;
        }

        await CallAsync(context, session, action!, request, timeout).ConfigureAwait(false);
    }

    private async Task CallAsync(HttpContext context, StationSession session, OcppAction action, IOcppRequest request, TimeSpan timeout)
    {
        // A script waits race-free for what the call causes with messages/next?after=this.
        context.Response.Headers[StationEndpoints.SequenceHeader] = session.LastSequence.ToString(CultureInfo.InvariantCulture);
        using var deadline = new CancellationTokenSource(timeout, server.TimeProvider);
        using var calling = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        int status;
        string outcome;
        try
        {
            var response = await session.CallAsync(action, request, calling.Token).ConfigureAwait(false);
            LearnPassword(session, request, response);
            (status, outcome) = (StatusCodes.Status200OK, "CALLRESULT");
            await ApiResponse.JsonAsync(context, status, writer => action.Response.Write(writer, response)).ConfigureAwait(false);
        }
        catch (OcppCallErrorException ex)
        {
            (status, outcome) = (StatusCodes.Status502BadGateway, $"CALLERROR {ex.RawErrorCode}");
            await ApiResponse.JsonAsync(context, status, new CallErrorBody(ex.RawErrorCode, ex.Description), ApiJsonContext.Relaxed.CallErrorBody).ConfigureAwait(false);
        }
        catch (OcppProtocolException ex)
        {
            (status, outcome) = (StatusCodes.Status502BadGateway, $"an answer that breaks its schema ({ex.Error.Code})");
            var body = new CallErrorBody(ex.Error.Code.ToString(), $"the station's answer breaks the {action.Name}.conf schema: {ex.Error.Description}");
            await ApiResponse.JsonAsync(context, status, body, ApiJsonContext.Relaxed.CallErrorBody).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OcppCallTimeoutException || (ex is OperationCanceledException && deadline.IsCancellationRequested))
        {
            (status, outcome) = (StatusCodes.Status504GatewayTimeout, "no answer");
            var reason = $"station '{session.ChargePointId}' did not answer {action.Name} within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            await ApiResponse.JsonAsync(context, status, new ErrorBody(reason), ApiJsonContext.Relaxed.ErrorBody).ConfigureAwait(false);
        }
        catch (OcppNotConnectedException ex)
        {
            (status, outcome) = (StatusCodes.Status404NotFound, ex.Message);
            await ApiResponse.JsonAsync(context, status, new ErrorBody($"station '{session.ChargePointId}' is not connected: {ex.Message}"), ApiJsonContext.Relaxed.ErrorBody).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; the call was withdrawn.
            return;
        }

        ApiLog.CallAnswered(logger, action.Name, session.ChargePointId, status, outcome);
    }

    private static string? ActionProblem(string name)
    {
        if (OcppActions.TryGet(name, out var action))
        {
            return action.Direction == MessageDirection.ChargePointToCentralSystem
                ? $"{name} is sent by the charge point, not by the Central System; the Central System sends {Names()}"
                : null;
        }

        var differentCase = OcppActions.All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        return differentCase is not null
            ? $"unknown action '{name}': action names are case-sensitive, did you mean {differentCase.Name}?"
            : $"unknown action '{name}'; the Central System sends {Names()}";
    }

    private static string Names() => string.Join(", ", Actions.Select(action => action.Name));

    private async Task<(IOcppRequest? Request, int Refusal, string? Problem)> ReadRequestAsync(HttpContext context, OcppAction action)
    {
        // A payload larger than a station would accept is refused here rather than by the station.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = server.Options.MaxMessageBytes;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            // 413 for a body over the limit.
            return (null, ex.StatusCode, $"the body could not be read: {ex.Message}");
        }

        // No body at all is the empty payload of ClearCache, GetLocalListVersion and the like.
        if (body.Length == 0)
        {
            body = "{}"u8.ToArray();
        }

        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, StatusCodes.Status400BadRequest, $"the body is not JSON: {ex.Message}");
        }

        return action.Request.TryRead(body, out var message, out var error)
            ? ((IOcppRequest)message, StatusCodes.Status200OK, null)
            : (null, StatusCodes.Status400BadRequest, $"the payload breaks the {action.Name}.req schema ({error.Code}): {error.Description}");
    }

    // An AuthorizationKey the station accepted is the password it reconnects with (TC_073): the built-in
    // Central System takes it on, so that a key changed from the web UI or a script does not lock the station out.
    private void LearnPassword(StationSession session, IOcppRequest request, IOcppResponse response)
    {
        if (request is ChangeConfigurationRequest { Value: { } key } change && SecretText.IsSecretKey(change.Key)
            && response is ChangeConfigurationResponse { Status: ConfigurationStatus.Accepted } && server.BasicAuthPasswords is not null)
        {
            server.SetBasicAuthPassword(session.ChargePointId, key);
        }
    }
}
