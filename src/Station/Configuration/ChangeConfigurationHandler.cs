using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Configuration;

/// <summary>Answers ChangeConfiguration (§5.3).</summary>
internal sealed class ChangeConfigurationHandler(ConfigurationService configuration) : IOcppHandler<ChangeConfigurationRequest, ChangeConfigurationResponse>
{
    public ValueTask<ChangeConfigurationResponse> HandleAsync(ChangeConfigurationRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ChangeConfigurationResponse { Status = configuration.Change(request.Key, request.Value) });
}
