using Ocpp16.Messages;

namespace Station.Host.Fleet;

/// <summary>A connector in <c>GET /stations</c>: its number and the status the station last reported for it.</summary>
internal sealed record StationListConnector(int Id, ChargePointStatus Status);
