using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>UnlockConnector.req: the request that asks the Charge Point to release the cable of a connector (§5.18).</summary>
public sealed record UnlockConnectorRequest : IOcppRequest<UnlockConnectorResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }
}
