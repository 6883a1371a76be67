using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>Authorize.conf: the answer to the request that asks the Central System whether an identifier may start or stop charging (OCPP 1.6 §4.1).</summary>
public sealed record AuthorizeResponse : IOcppResponse
{
    /// <summary>What the Central System knows about the identifier.</summary>
    [JsonPropertyName("idTagInfo")]
    public required IdTagInfo IdTagInfo { get; init; }
}
