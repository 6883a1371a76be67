using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>
/// The key fields of the security whitepaper's messages, for one-line traces. PEM texts (CSRs,
/// certificates, chains) are shown by their length: a line holds no certificate.
/// </summary>
internal static class SecurityMessageFields
{
    public static bool TryWrite(FieldWriter fields, IOcppMessage message)
    {
        switch (message)
        {
            case SignCertificateRequest sign:
                fields.Add("csr", Length(sign.Csr));
                return true;
            case CertificateSignedRequest signed:
                fields.Add("certificateChain", Length(signed.CertificateChain));
                return true;
            case InstallCertificateRequest install:
                fields.Add("certificateType", install.CertificateType).Add("certificate", Length(install.Certificate));
                return true;
            case DeleteCertificateRequest delete:
                WriteHashData(fields, delete.CertificateHashData);
                return true;
            case GetInstalledCertificateIdsRequest get:
                fields.Add("certificateType", get.CertificateType);
                return true;
            case GetInstalledCertificateIdsResponse installed:
                fields.Add("status", installed.Status).Add("certificates", installed.CertificateHashData?.Count);
                return true;
            case SecurityEventNotificationRequest securityEvent:
                fields.Add("type", securityEvent.Type).Add("timestamp", securityEvent.Timestamp).Add("techInfo", securityEvent.TechInfo);
                return true;
            case ExtendedTriggerMessageRequest trigger:
                fields.Add("requestedMessage", trigger.RequestedMessage).Add("connectorId", trigger.ConnectorId);
                return true;
            case GetLogRequest getLog:
                fields.Add("logType", getLog.LogType).Add("requestId", getLog.RequestId).Add("remoteLocation", getLog.Log.RemoteLocation);
                return true;
            case GetLogResponse log:
                fields.Add("status", log.Status).Add("filename", log.Filename);
                return true;
            case LogStatusNotificationRequest logStatus:
                fields.Add("status", logStatus.Status).Add("requestId", logStatus.RequestId);
                return true;
            case SignedUpdateFirmwareRequest update:
                fields.Add("requestId", update.RequestId).Add("location", update.Firmware.Location).Add("retrieveDateTime", update.Firmware.RetrieveDateTime);
                return true;
            case SignedFirmwareStatusNotificationRequest firmware:
                fields.Add("status", firmware.Status).Add("requestId", firmware.RequestId);
                return true;
            case SignCertificateResponse answer:
                fields.Add("status", answer.Status);
                return true;
            case CertificateSignedResponse answer:
                fields.Add("status", answer.Status);
                return true;
            case InstallCertificateResponse answer:
                fields.Add("status", answer.Status);
                return true;
            case DeleteCertificateResponse answer:
                fields.Add("status", answer.Status);
                return true;
            case ExtendedTriggerMessageResponse answer:
                fields.Add("status", answer.Status);
                return true;
            case SignedUpdateFirmwareResponse answer:
                fields.Add("status", answer.Status);
                return true;
            case SecurityEventNotificationResponse or LogStatusNotificationResponse or SignedFirmwareStatusNotificationResponse:
                return true;
            default:
                return false;
        }
    }

    private static void WriteHashData(FieldWriter fields, CertificateHashDataType hash) =>
        fields.Add("hashAlgorithm", hash.HashAlgorithm).Add("serialNumber", hash.SerialNumber);

    private static string Length(string pem) => $"{pem.Length} characters";
}
