using Ocpp16.Messages;

namespace CentralSystem.Api;

/// <summary>A connector as its last StatusNotification described it; <see cref="Timestamp"/> is the station's, else when it arrived.</summary>
internal sealed record ConnectorBody(
    int ConnectorId, ChargePointStatus Status, ChargePointErrorCode ErrorCode, string? Info, string? VendorErrorCode, DateTimeOffset Timestamp);
