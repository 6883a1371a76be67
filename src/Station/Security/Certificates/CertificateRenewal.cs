using Microsoft.Extensions.Logging;
using Station.Runtime;

namespace Station.Security.Certificates;

/// <summary>
/// Renews the charge point certificate on the station's own initiative (security whitepaper, Update
/// Charge Point Certificate: the Charge Point starts it when its certificate will expire soon). Once
/// a quarter of the certificate's validity is left, at most <see cref="MaxRenewBefore"/>, the station
/// makes a new key pair and sends SignCertificate, and again every <see cref="RetryInterval"/> while
/// no new certificate came. Checked after each accepted BootNotification and when the certificate is
/// replaced. Validity is wall-clock time, as TLS checks it; the wait is a station timer, re-checked
/// at least daily because the wall clock may be set meanwhile.
/// </summary>
internal sealed class CertificateRenewal
{
    /// <summary>The latest a renewal starts before the certificate expires.</summary>
    public static readonly TimeSpan MaxRenewBefore = TimeSpan.FromDays(30);

    /// <summary>How often a due renewal is asked again while no certificate came.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromDays(1);

    private readonly CertificateService _certificates;
    private readonly ChargePointCertificateSigning _signing;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;
    private readonly StationTimer _timer;

    public CertificateRenewal(CertificateService certificates, ChargePointCertificateSigning signing, StationRuntime runtime, ILogger logger)
    {
        _certificates = certificates;
        _signing = signing;
        _runtime = runtime;
        _logger = logger;
        _timer = runtime.CreateTimer("charge point certificate renewal", Check);
        certificates.ChargePointCertificateReplaced += Arm;
    }

    /// <summary>Checks now (under the lock): renews if due, else waits for the moment it is.</summary>
    public void Check()
    {
        if (Due() is not { } due)
        {
            _timer.Stop();
            return;
        }

        var wait = due.At - CertificateService.CertificateTime;
        if (wait > TimeSpan.Zero)
        {
            _timer.Start(wait < RetryInterval ? wait : RetryInterval);
            return;
        }

        CertificateLog.RenewalDue(_logger, due.Subject, due.NotAfter.UtcDateTime);
        _runtime.Run("renew the charge point certificate", cancellationToken => _signing.RequestChargePointCertificateAsync(cancellationToken));
        _timer.Start(RetryInterval);
    }

    // Replaced: the new certificate's moment (the event may come without the lock; a timer tick takes it).
    private void Arm() => _timer.Start(TimeSpan.Zero);

    private (DateTimeOffset At, DateTimeOffset NotAfter, string Subject)? Due()
    {
        if (_certificates.ClientCertificate() is not { } client)
        {
            return null;
        }

        var notBefore = new DateTimeOffset(client.Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(client.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var quarter = (notAfter - notBefore) / 4;
        return (notAfter - (quarter < MaxRenewBefore ? quarter : MaxRenewBefore), notAfter, client.Certificate.Subject);
    }
}
