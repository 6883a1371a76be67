using Ocpp16.Messages;

namespace Ocpp16.Tests.Codec;

/// <summary>A realistic request (.req) of every operation: once with every optional field, once with only the required ones.</summary>
internal static class RequestSamples
{
    public static readonly DateTimeOffset Timestamp = new(2026, 11, 25, 16, 27, 49, 123, TimeSpan.Zero);

    public static ChargingProfile TxProfile { get; } = new()
    {
        ChargingProfileId = 101,
        TransactionId = 4711,
        StackLevel = 2,
        ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile,
        ChargingProfileKind = ChargingProfileKindType.Recurring,
        RecurrencyKind = RecurrencyKindType.Daily,
        ValidFrom = Timestamp,
        ValidTo = Timestamp.AddDays(30),
        ChargingSchedule = new ChargingSchedule
        {
            Duration = 86400,
            StartSchedule = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            ChargingRateUnit = ChargingRateUnitType.A,
            ChargingSchedulePeriod =
            [
                new ChargingSchedulePeriod { StartPeriod = 0, Limit = 16.0m, NumberPhases = 1 },
                new ChargingSchedulePeriod { StartPeriod = 3600, Limit = 6.5m, NumberPhases = 1 },
            ],
            MinChargingRate = 6.0m,
        },
    };

    public static ChargingProfile MinimalProfile { get; } = new()
    {
        ChargingProfileId = 1,
        StackLevel = 0,
        ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile,
        ChargingProfileKind = ChargingProfileKindType.Absolute,
        ChargingSchedule = new ChargingSchedule
        {
            ChargingRateUnit = ChargingRateUnitType.W,
            ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 7360m }],
        },
    };

    public static MeterValue FullMeterValue { get; } = new()
    {
        Timestamp = Timestamp,
        SampledValue =
        [
            new SampledValue
            {
                Value = "12345.6",
                Context = ReadingContext.SamplePeriodic,
                Format = ValueFormat.Raw,
                Measurand = Measurand.EnergyActiveImportRegister,
                Phase = Phase.L1N,
                Location = Location.Outlet,
                Unit = UnitOfMeasure.Wh,
            },
            new SampledValue { Value = "15.9", Measurand = Measurand.CurrentImport, Phase = Phase.L1, Unit = UnitOfMeasure.A },
        ],
    };

    public static IEnumerable<IOcppRequest> Full =>
    [
        new AuthorizeRequest { IdTag = "04A2B3C4D5E6F7" },
        new BootNotificationRequest
        {
            ChargePointVendor = "TaeSeongConTech",
            ChargePointModel = "TSCT-2007CP",
            ChargePointSerialNumber = "TSCT2007CP-000123",
            ChargeBoxSerialNumber = "CB-2026-000123",
            FirmwareVersion = "1.4.2+build.77",
            Iccid = "89882390000123456789",
            Imsi = "901700000012345",
            MeterType = "EM-1PH-MID",
            MeterSerialNumber = "MTR-55501234",
        },
        new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative },
        new ChangeConfigurationRequest { Key = "MeterValueSampleInterval", Value = "30" },
        new ClearCacheRequest(),
        new DataTransferRequest { VendorId = "com.taeseongcontech", MessageId = "SetDisplayText", Data = """{"line1":"Welcome"}""" },
        new GetConfigurationRequest { Key = ["HeartbeatInterval", "MeterValueSampleInterval"] },
        new HeartbeatRequest(),
        new MeterValuesRequest { ConnectorId = 1, TransactionId = 4711, MeterValue = [FullMeterValue] },
        new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E6F7", ChargingProfile = TxProfile },
        new RemoteStopTransactionRequest { TransactionId = 4711 },
        new ResetRequest { Type = ResetType.Soft },
        new StartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E6F7", MeterStart = 12345, ReservationId = 17, Timestamp = Timestamp },
        new StatusNotificationRequest
        {
            ConnectorId = 1,
            ErrorCode = ChargePointErrorCode.OtherError,
            Info = "cable lock motor stalled",
            Status = ChargePointStatus.Faulted,
            Timestamp = Timestamp,
            VendorId = "com.taeseongcontech",
            VendorErrorCode = "E-LOCK-07",
        },
        new StopTransactionRequest
        {
            IdTag = "04A2B3C4D5E6F7",
            MeterStop = 19876,
            Timestamp = Timestamp.AddHours(2),
            TransactionId = 4711,
            Reason = Reason.EVDisconnected,
            TransactionData = [FullMeterValue],
        },
        new UnlockConnectorRequest { ConnectorId = 1 },
        new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Uploaded },
        new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installed },
        new GetDiagnosticsRequest
        {
            Location = new Uri("ftp://diag.example.com/uploads/"),
            Retries = 3,
            RetryInterval = 60,
            StartTime = Timestamp.AddDays(-1),
            StopTime = Timestamp,
        },
        new UpdateFirmwareRequest
        {
            Location = new Uri("https://fw.example.com/tsct-2007cp/1.5.0.bin"),
            Retries = 2,
            RetrieveDate = Timestamp.AddMinutes(5),
            RetryInterval = 120,
        },
        new GetLocalListVersionRequest(),
        new SendLocalListRequest
        {
            ListVersion = 42,
            LocalAuthorizationList =
            [
                new AuthorizationData
                {
                    IdTag = "04A2B3C4D5E6F7",
                    IdTagInfo = new IdTagInfo { ExpiryDate = Timestamp.AddYears(1), ParentIdTag = "FLEET-0042", Status = AuthorizationStatus.Accepted },
                },
                new AuthorizationData { IdTag = "0499887766", IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Blocked } },
            ],
            UpdateType = UpdateType.Differential,
        },
        new CancelReservationRequest { ReservationId = 17 },
        new ReserveNowRequest { ConnectorId = 1, ExpiryDate = Timestamp.AddMinutes(30), IdTag = "04A2B3C4D5E6F7", ParentIdTag = "FLEET-0042", ReservationId = 17 },
        new ClearChargingProfileRequest { Id = 101, ConnectorId = 1, ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile, StackLevel = 2 },
        new GetCompositeScheduleRequest { ConnectorId = 1, Duration = 3600, ChargingRateUnit = ChargingRateUnitType.W },
        new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = TxProfile },
        new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = 1 },
    ];

    public static IEnumerable<IOcppRequest> Minimal =>
    [
        new AuthorizeRequest { IdTag = "04A2B3C4D5E6F7" },
        new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" },
        new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Operative },
        new ChangeConfigurationRequest { Key = "HeartbeatInterval", Value = "60" },
        new ClearCacheRequest(),
        new DataTransferRequest { VendorId = "com.taeseongcontech" },
        new GetConfigurationRequest(),
        new HeartbeatRequest(),
        new MeterValuesRequest
        {
            ConnectorId = 1,
            MeterValue = [new MeterValue { Timestamp = Timestamp, SampledValue = [new SampledValue { Value = "12345" }] }],
        },
        new RemoteStartTransactionRequest { IdTag = "04A2B3C4D5E6F7" },
        new RemoteStopTransactionRequest { TransactionId = 4711 },
        new ResetRequest { Type = ResetType.Hard },
        new StartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E6F7", MeterStart = 0, Timestamp = Timestamp },
        new StatusNotificationRequest { ConnectorId = 0, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available },
        new StopTransactionRequest { MeterStop = 19876, Timestamp = Timestamp, TransactionId = 4711 },
        new UnlockConnectorRequest { ConnectorId = 1 },
        new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Idle },
        new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Idle },
        new GetDiagnosticsRequest { Location = new Uri("ftp://diag.example.com/uploads/") },
        new UpdateFirmwareRequest { Location = new Uri("ftp://fw.example.com/1.5.0.bin"), RetrieveDate = Timestamp },
        new GetLocalListVersionRequest(),
        new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full },
        new CancelReservationRequest { ReservationId = 17 },
        new ReserveNowRequest { ConnectorId = 1, ExpiryDate = Timestamp, IdTag = "04A2B3C4D5E6F7", ReservationId = 17 },
        new ClearChargingProfileRequest(),
        new GetCompositeScheduleRequest { ConnectorId = 0, Duration = 86400 },
        new SetChargingProfileRequest { ConnectorId = 0, CsChargingProfiles = MinimalProfile },
        new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat },
    ];
}
