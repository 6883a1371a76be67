using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Security.Certificates;

/// <summary>Answers InstallCertificate (security whitepaper, Install CA certificate).</summary>
internal sealed class InstallCertificateHandler(CertificateService certificates) : IStationHandler<InstallCertificateRequest, InstallCertificateResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<InstallCertificateResponse> HandleAsync(InstallCertificateRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new InstallCertificateResponse { Status = certificates.Install(request.CertificateType, request.Certificate) });
}
