using Ocpp16.Messages;

namespace Station.Host.Fleet;

/// <summary>One station of <c>GET /stations</c>: its id, connection state and the status of each connector.</summary>
internal sealed record StationListItem(string Id, bool Connected, RegistrationStatus? Registration, IReadOnlyList<StationListConnector> Connectors);
