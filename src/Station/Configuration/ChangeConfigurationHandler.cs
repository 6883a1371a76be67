using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Configuration;

/// <summary>Answers ChangeConfiguration (§5.3).</summary>
internal sealed class ChangeConfigurationHandler(ConfigurationService configuration) : IStationHandler<ChangeConfigurationRequest, ChangeConfigurationResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ChangeConfigurationResponse> HandleAsync(ChangeConfigurationRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var status = configuration.Change(request.Key, request.Value, out var afterAnswer);
        if (afterAnswer is not null)
        {
            context.AfterResponse(afterAnswer);
        }

        return ValueTask.FromResult(new ChangeConfigurationResponse { Status = status });
    }
}
