using Ocpp16.Messages;

namespace Station.Hardware.Simulated;

/// <summary>A simulated hardware fault.</summary>
/// <param name="ErrorCode">The OCPP error code the fault reports.</param>
/// <param name="Info">Free text for the StatusNotification's info field.</param>
public sealed record FaultState(ChargePointErrorCode ErrorCode, string? Info);
