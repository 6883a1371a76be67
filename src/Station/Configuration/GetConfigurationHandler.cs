using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Configuration;

/// <summary>Answers GetConfiguration (§5.8).</summary>
internal sealed class GetConfigurationHandler(ConfigurationService configuration) : IStationHandler<GetConfigurationRequest, GetConfigurationResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<GetConfigurationResponse> HandleAsync(GetConfigurationRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var maxKeys = configuration.GetInt(CoreKeys.GetConfigurationMaxKeys);
        if (request.Key is { Count: var count } && count > maxKeys)
        {
            // GetConfigurationMaxKeys bounds the key list: more keys break the request's occurrence limit.
            throw new OcppCallErrorException(OcppErrorCode.OccurenceConstraintViolation, $"{count} keys requested; GetConfigurationMaxKeys is {maxKeys}");
        }

        var (known, unknown) = configuration.Read(request.Key);
        return ValueTask.FromResult(new GetConfigurationResponse
        {
            ConfigurationKey = known,
            UnknownKey = unknown.Count > 0 ? unknown : null,
        });
    }
}
