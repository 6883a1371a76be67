using Ocpp16.Messages;

namespace Ocpp16.Tests.Codec;

/// <summary>A realistic response (.conf) of every operation: once with every optional field, once with only the required ones.</summary>
internal static class ResponseSamples
{
    private static readonly DateTimeOffset Timestamp = RequestSamples.Timestamp;

    private static IdTagInfo FullIdTagInfo { get; } = new()
    {
        ExpiryDate = Timestamp.AddDays(7),
        ParentIdTag = "FLEET-0042",
        Status = AuthorizationStatus.Accepted,
    };

    public static IEnumerable<IOcppResponse> Full =>
    [
        new AuthorizeResponse { IdTagInfo = FullIdTagInfo },
        new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = Timestamp, Interval = 300 },
        new ChangeAvailabilityResponse { Status = AvailabilityStatus.Scheduled },
        new ChangeConfigurationResponse { Status = ConfigurationStatus.RebootRequired },
        new ClearCacheResponse { Status = ClearCacheStatus.Accepted },
        new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = """{"shown":true}""" },
        new GetConfigurationResponse
        {
            ConfigurationKey =
            [
                new KeyValue { Key = "HeartbeatInterval", ReadOnly = false, Value = "60" },
                new KeyValue { Key = "GetConfigurationMaxKeys", ReadOnly = true, Value = "24" },
            ],
            UnknownKey = ["VendorSpecificKey"],
        },
        new HeartbeatResponse { CurrentTime = Timestamp },
        new MeterValuesResponse(),
        new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted },
        new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected },
        new ResetResponse { Status = ResetStatus.Accepted },
        new StartTransactionResponse { IdTagInfo = FullIdTagInfo, TransactionId = 4711 },
        new StatusNotificationResponse(),
        new StopTransactionResponse { IdTagInfo = FullIdTagInfo },
        new UnlockConnectorResponse { Status = UnlockStatus.Unlocked },
        new DiagnosticsStatusNotificationResponse(),
        new FirmwareStatusNotificationResponse(),
        new GetDiagnosticsResponse { FileName = "diagnostics-TSCT2007CP-000123-20261125.zip" },
        new UpdateFirmwareResponse(),
        new GetLocalListVersionResponse { ListVersion = 42 },
        new SendLocalListResponse { Status = UpdateStatus.VersionMismatch },
        new CancelReservationResponse { Status = CancelReservationStatus.Accepted },
        new ReserveNowResponse { Status = ReservationStatus.Occupied },
        new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Unknown },
        new GetCompositeScheduleResponse
        {
            Status = GetCompositeScheduleStatus.Accepted,
            ConnectorId = 1,
            ScheduleStart = Timestamp,
            ChargingSchedule = new ChargingSchedule
            {
                Duration = 3600,
                StartSchedule = Timestamp,
                ChargingRateUnit = ChargingRateUnitType.W,
                ChargingSchedulePeriod =
                [
                    new ChargingSchedulePeriod { StartPeriod = 0, Limit = 7360.0m, NumberPhases = 1 },
                    new ChargingSchedulePeriod { StartPeriod = 1800, Limit = 3680.0m, NumberPhases = 1 },
                ],
                MinChargingRate = 1380.0m,
            },
        },
        new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted },
        new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted },
    ];

    public static IEnumerable<IOcppResponse> Minimal =>
    [
        new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid } },
        new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = Timestamp, Interval = 60 },
        new ChangeAvailabilityResponse { Status = AvailabilityStatus.Accepted },
        new ChangeConfigurationResponse { Status = ConfigurationStatus.Accepted },
        new ClearCacheResponse { Status = ClearCacheStatus.Rejected },
        new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId },
        new GetConfigurationResponse(),
        new HeartbeatResponse { CurrentTime = Timestamp },
        new MeterValuesResponse(),
        new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected },
        new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted },
        new ResetResponse { Status = ResetStatus.Rejected },
        new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.ConcurrentTx }, TransactionId = 0 },
        new StatusNotificationResponse(),
        new StopTransactionResponse(),
        new UnlockConnectorResponse { Status = UnlockStatus.NotSupported },
        new DiagnosticsStatusNotificationResponse(),
        new FirmwareStatusNotificationResponse(),
        new GetDiagnosticsResponse(),
        new UpdateFirmwareResponse(),
        new GetLocalListVersionResponse { ListVersion = -1 },
        new SendLocalListResponse { Status = UpdateStatus.Accepted },
        new CancelReservationResponse { Status = CancelReservationStatus.Rejected },
        new ReserveNowResponse { Status = ReservationStatus.Accepted },
        new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Accepted },
        new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected },
        new SetChargingProfileResponse { Status = ChargingProfileStatus.NotSupported },
        new TriggerMessageResponse { Status = TriggerMessageStatus.NotImplemented },
    ];
}
