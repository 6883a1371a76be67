using Ocpp16.Messages;

namespace CentralSystem.Tests.Support;

/// <summary>A valid request of every Charge Point → Central System action.</summary>
public static class SampleRequests
{
    private static readonly DateTimeOffset EventTime = new(2031, 3, 7, 9, 40, 0, TimeSpan.Zero);

    public static StatusNotificationRequest StatusNotification { get; } = new()
    {
        ConnectorId = 1,
        Status = ChargePointStatus.Charging,
        ErrorCode = ChargePointErrorCode.NoError,
        Timestamp = EventTime,
    };

    public static MeterValuesRequest MeterValues { get; } = new()
    {
        ConnectorId = 1,
        TransactionId = 7,
        MeterValue =
        [
            new MeterValue
            {
                Timestamp = EventTime,
                SampledValue =
                [
                    new SampledValue { Value = "1234", Measurand = Measurand.EnergyActiveImportRegister, Unit = UnitOfMeasure.Wh },
                    new SampledValue { Value = "16.0", Measurand = Measurand.CurrentImport, Phase = Phase.L1, Unit = UnitOfMeasure.A },
                ],
            },
        ],
    };

    public static StartTransactionRequest StartTransaction { get; } = new() { ConnectorId = 1, IdTag = "ABC123", MeterStart = 0, Timestamp = EventTime };

    public static IReadOnlyDictionary<string, IOcppRequest> ForEveryChargePointAction { get; } = new Dictionary<string, IOcppRequest>
    {
        ["Authorize"] = new AuthorizeRequest { IdTag = "ABC123" },
        ["BootNotification"] = new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" },
        ["DataTransfer"] = new DataTransferRequest { VendorId = "com.example" },
        ["DiagnosticsStatusNotification"] = new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Idle },
        ["FirmwareStatusNotification"] = new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Idle },
        ["Heartbeat"] = new HeartbeatRequest(),
        ["MeterValues"] = MeterValues,
        ["StartTransaction"] = StartTransaction,
        ["StatusNotification"] = StatusNotification,
        ["StopTransaction"] = new StopTransactionRequest { TransactionId = 1, IdTag = "ABC123", MeterStop = 1234, Timestamp = EventTime },
        ["SignCertificate"] = new SignCertificateRequest { Csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n" },
        ["SecurityEventNotification"] = new SecurityEventNotificationRequest { Type = "StartupOfTheDevice", Timestamp = EventTime },
        ["LogStatusNotification"] = new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Idle },
        ["SignedFirmwareStatusNotification"] = new SignedFirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle },
    };
}
