namespace Ocpp16.Messages;

/// <summary>An OCPP 1.6 operation with its request and response types.</summary>
/// <typeparam name="TRequest">The .req payload.</typeparam>
/// <typeparam name="TResponse">The .conf payload.</typeparam>
public sealed class OcppAction<TRequest, TResponse> : OcppAction
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    internal OcppAction(string name, FeatureProfile profile, MessageDirection direction, OcppMessageType request, OcppMessageType response)
        : base(name, profile, direction, request, response)
    {
    }
}
