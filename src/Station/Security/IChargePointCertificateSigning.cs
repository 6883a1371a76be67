namespace Station.Security;

/// <summary>
/// The certificate block's CSR flow, as ExtendedTriggerMessage SignChargePointCertificate asks for
/// it: a new key pair on the station and a SignCertificate with its CSR. Without it the trigger
/// answers NotImplemented.
/// </summary>
public interface IChargePointCertificateSigning
{
    /// <summary>
    /// Called under the station lock while the trigger is answered: the work that makes the key pair
    /// and sends SignCertificate, run after the ExtendedTriggerMessage.conf; null when the station
    /// cannot do it now (the trigger answers Rejected).
    /// </summary>
    Func<CancellationToken, Task>? SignChargePointCertificate();
}
