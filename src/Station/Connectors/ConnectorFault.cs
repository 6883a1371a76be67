using Ocpp16.Messages;

namespace Station.Connectors;

/// <summary>A fault reported by the hardware (or detected by the station, like a lock failure).</summary>
/// <param name="ErrorCode">The OCPP error code.</param>
/// <param name="Info">Free text for the StatusNotification's info field.</param>
public sealed record ConnectorFault(ChargePointErrorCode ErrorCode, string? Info);
