using Ocpp16.Messages;

namespace Station.Transactions;

/// <summary>
/// Whether the chargingProfile of a RemoteStartTransaction can be installed for the transaction it
/// starts (§5.11): the Smart Charging block answers; Transactions only asks.
/// </summary>
public interface IRemoteStartProfiles
{
    /// <summary>Whether <paramref name="profile"/> may be installed for a transaction on <paramref name="connectorId"/>.</summary>
    bool Accepts(ChargingProfile profile, int connectorId);
}
