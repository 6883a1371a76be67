using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>The decision about an identifier.</summary>
/// <param name="IdTag">The identifier.</param>
/// <param name="Info">Its authorization (status, parent, expiry).</param>
/// <param name="Source">Where the decision came from.</param>
public sealed record AuthorizationResult(string IdTag, IdTagInfo Info, AuthorizationSource Source)
{
    /// <summary>Whether the identifier may charge.</summary>
    public bool IsAccepted => Info.Status == AuthorizationStatus.Accepted;
}
