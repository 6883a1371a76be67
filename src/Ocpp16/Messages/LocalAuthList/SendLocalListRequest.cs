using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SendLocalList.req: the request that replaces or updates the Local Authorization List (§5.15).</summary>
public sealed record SendLocalListRequest : IOcppRequest<SendLocalListResponse>
{
    /// <summary>The version number of the Local Authorization List.</summary>
    [JsonPropertyName("listVersion")]
    public required int ListVersion { get; init; }

    /// <summary>The entries to add, update or (without idTagInfo, in a Differential update) remove.</summary>
    [JsonPropertyName("localAuthorizationList")]
    public IReadOnlyList<AuthorizationData>? LocalAuthorizationList { get; init; }

    /// <summary>Whether the list replaces the current one or updates it.</summary>
    [JsonPropertyName("updateType")]
    public required UpdateType UpdateType { get; init; }
}
