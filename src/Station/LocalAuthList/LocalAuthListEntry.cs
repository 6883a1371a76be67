using Ocpp16.Messages;

namespace Station.LocalAuthList;

/// <summary>One identifier of the Local Authorization List with what the Central System said of it.</summary>
/// <param name="IdTag">The identifier (CiString20: compared case-insensitively).</param>
/// <param name="Info">Its status, parent and expiry.</param>
public sealed record LocalAuthListEntry(string IdTag, IdTagInfo Info);
