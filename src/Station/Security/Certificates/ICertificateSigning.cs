namespace Station.Security.Certificates;

/// <summary>
/// Renews the charge point certificate (security whitepaper, Update Charge Point Certificate): a new
/// key pair made on the station, a PKCS #10 request sent as SignCertificate. ExtendedTriggerMessage
/// SignChargePointCertificate calls it after its answer.
/// </summary>
public interface ICertificateSigning
{
    /// <summary>
    /// Makes a key pair and a signing request (CN the serial number or id, O the CpoName) and sends
    /// SignCertificate; returns the Central System's answer (Rejected when it could not be sent).
    /// </summary>
    Task<Ocpp16.Messages.GenericStatusEnumType> RequestChargePointCertificateAsync(CancellationToken cancellationToken);
}
