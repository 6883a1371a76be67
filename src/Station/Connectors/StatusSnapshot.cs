using Ocpp16.Messages;

namespace Station.Connectors;

/// <summary>What a StatusNotification says about a connector.</summary>
/// <param name="Status">The status.</param>
/// <param name="ErrorCode">The error, NoError unless Faulted.</param>
/// <param name="Info">Additional information, if any.</param>
public readonly record struct StatusSnapshot(ChargePointStatus Status, ChargePointErrorCode ErrorCode = ChargePointErrorCode.NoError, string? Info = null);
