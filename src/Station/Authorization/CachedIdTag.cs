using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>One remembered identifier.</summary>
/// <param name="IdTag">The identifier.</param>
/// <param name="Info">What the Central System last said of it.</param>
/// <param name="UpdatedAt">When that was.</param>
public sealed record CachedIdTag(string IdTag, IdTagInfo Info, DateTimeOffset UpdatedAt);
