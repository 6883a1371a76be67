using Ocpp16.Messages;

namespace Station.Transactions;

/// <summary>An identifier authorized to start, waiting for the cable (or for its connector to be chosen).</summary>
/// <param name="IdTag">The identifier.</param>
/// <param name="ParentIdTag">Its group, if known.</param>
/// <param name="ChargingProfile">The TxProfile a RemoteStartTransaction brought, if any.</param>
public sealed record PendingAuthorization(string IdTag, string? ParentIdTag, ChargingProfile? ChargingProfile = null);
