using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Authorize.req: the request that asks the Central System whether an identifier may start or stop charging (OCPP 1.6 §4.1).</summary>
public sealed record AuthorizeRequest : IOcppRequest<AuthorizeResponse>
{
    /// <summary>The identifier (RFID card or other token) concerned.</summary>
    [JsonPropertyName("idTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string IdTag { get; init; }
}
