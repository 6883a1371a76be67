using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ocpp16.Messages;

namespace Ocpp16.Tests.Codec;

/// <summary>
/// A realistic request and response of every operation of the security whitepaper: once with every
/// optional field, once with only the required ones. The PEM texts are real (made at start-up).
/// </summary>
internal static class SecuritySamples
{
    private static readonly DateTimeOffset Timestamp = RequestSamples.Timestamp;

    public static string Csr { get; } = CreateCsr();

    public static string CertificatePem { get; } = CreateCertificatePem();

    public static CertificateHashDataType HashData { get; } = new()
    {
        HashAlgorithm = HashAlgorithmEnumType.Sha256,
        IssuerNameHash = "4b9f2a0f6d1c8e3a5b7d9f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a",
        IssuerKeyHash = "0e2c4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c",
        SerialNumber = "5f3a9c01b2",
    };

    public static FirmwareType Firmware { get; } = new()
    {
        Location = "https://fw.example.com/tsct/1.5.0.bin",
        RetrieveDateTime = Timestamp.AddMinutes(5),
        InstallDateTime = Timestamp.AddHours(2),
        SigningCertificate = CertificatePem,
        Signature = "MEUCIQDdZ3u4N8w5m0bW1ZkN7h9m6rW8b9QxX0p7jN9c5mJxVQIgR0e4m7Yb8c2XzW1pQ9n8v6t5s4r3q2p1o0n9m8l7k6Y=",
    };

    public static IEnumerable<IOcppRequest> FullRequests =>
    [
        new SignCertificateRequest { Csr = Csr },
        new CertificateSignedRequest { CertificateChain = CertificatePem + CertificatePem },
        new InstallCertificateRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate, Certificate = CertificatePem },
        new DeleteCertificateRequest { CertificateHashData = HashData },
        new GetInstalledCertificateIdsRequest { CertificateType = CertificateUseEnumType.ManufacturerRootCertificate },
        new SecurityEventNotificationRequest { Type = "InvalidCentralSystemCertificate", Timestamp = Timestamp, TechInfo = "wss://csms.example.com/ocpp/CP001: UntrustedRoot" },
        new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.StatusNotification, ConnectorId = 1 },
        new GetLogRequest
        {
            Log = new LogParametersType { RemoteLocation = "ftp://logs.example.com/uploads/", OldestTimestamp = Timestamp.AddDays(-7), LatestTimestamp = Timestamp },
            LogType = LogEnumType.SecurityLog,
            RequestId = 42,
            Retries = 3,
            RetryInterval = 60,
        },
        new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Uploading, RequestId = 42 },
        new SignedUpdateFirmwareRequest { Retries = 2, RetryInterval = 120, RequestId = 7, Firmware = Firmware },
        new SignedFirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.SignatureVerified, RequestId = 7 },
    ];

    public static IEnumerable<IOcppRequest> MinimalRequests =>
    [
        new SignCertificateRequest { Csr = Csr },
        new CertificateSignedRequest { CertificateChain = CertificatePem },
        new InstallCertificateRequest { CertificateType = CertificateUseEnumType.ManufacturerRootCertificate, Certificate = CertificatePem },
        new DeleteCertificateRequest { CertificateHashData = HashData with { HashAlgorithm = HashAlgorithmEnumType.Sha512 } },
        new GetInstalledCertificateIdsRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate },
        new SecurityEventNotificationRequest { Type = "StartupOfTheDevice", Timestamp = Timestamp },
        new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate },
        new GetLogRequest { Log = new LogParametersType { RemoteLocation = "https://logs.example.com/upload" }, LogType = LogEnumType.DiagnosticsLog, RequestId = 1 },
        new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Idle },
        new SignedUpdateFirmwareRequest { RequestId = 8, Firmware = Firmware with { InstallDateTime = null } },
        new SignedFirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle },
    ];

    public static IEnumerable<IOcppResponse> FullResponses =>
    [
        new SignCertificateResponse { Status = GenericStatusEnumType.Accepted },
        new CertificateSignedResponse { Status = CertificateSignedStatusEnumType.Accepted },
        new InstallCertificateResponse { Status = InstallCertificateStatusEnumType.Accepted },
        new DeleteCertificateResponse { Status = DeleteCertificateStatusEnumType.Accepted },
        new GetInstalledCertificateIdsResponse
        {
            Status = GetInstalledCertificateStatusEnumType.Accepted,
            CertificateHashData = [HashData, HashData with { SerialNumber = "01", HashAlgorithm = HashAlgorithmEnumType.Sha384 }],
        },
        new SecurityEventNotificationResponse(),
        new ExtendedTriggerMessageResponse { Status = TriggerMessageStatusEnumType.Accepted },
        new GetLogResponse { Status = LogStatusEnumType.Accepted, Filename = "security-log-2026-11-25.log" },
        new LogStatusNotificationResponse(),
        new SignedUpdateFirmwareResponse { Status = UpdateFirmwareStatusEnumType.Accepted },
        new SignedFirmwareStatusNotificationResponse(),
    ];

    public static IEnumerable<IOcppResponse> MinimalResponses =>
    [
        new SignCertificateResponse { Status = GenericStatusEnumType.Rejected },
        new CertificateSignedResponse { Status = CertificateSignedStatusEnumType.Rejected },
        new InstallCertificateResponse { Status = InstallCertificateStatusEnumType.Rejected },
        new DeleteCertificateResponse { Status = DeleteCertificateStatusEnumType.NotFound },
        new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatusEnumType.NotFound },
        new SecurityEventNotificationResponse(),
        new ExtendedTriggerMessageResponse { Status = TriggerMessageStatusEnumType.NotImplemented },
        new GetLogResponse { Status = LogStatusEnumType.Rejected },
        new LogStatusNotificationResponse(),
        new SignedUpdateFirmwareResponse { Status = UpdateFirmwareStatusEnumType.InvalidCertificate },
        new SignedFirmwareStatusNotificationResponse(),
    ];

    private static string CreateCsr()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest("CN=TSCT2007CP-000123, O=Example CPO", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
    }

    private static string CreateCertificatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Example Central System Root", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(Timestamp.AddDays(-1), Timestamp.AddYears(10));
        return certificate.ExportCertificatePem() + "\n";
    }
}
