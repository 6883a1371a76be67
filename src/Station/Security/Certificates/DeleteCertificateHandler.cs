using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Security.Certificates;

/// <summary>Answers DeleteCertificate (security whitepaper, Delete a certificate).</summary>
internal sealed class DeleteCertificateHandler(CertificateService certificates) : IStationHandler<DeleteCertificateRequest, DeleteCertificateResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<DeleteCertificateResponse> HandleAsync(DeleteCertificateRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new DeleteCertificateResponse { Status = certificates.Delete(request.CertificateHashData) });
}
