using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Security.Certificates;

/// <summary>
/// Answers CertificateSigned (security whitepaper, Update Charge Point Certificate). An accepted
/// certificate is announced after the answer, so that a station at security profile 3 reconnects
/// with it only once the Central System has read the Accepted.
/// </summary>
internal sealed class CertificateSignedHandler(ChargePointCertificateSigning signing, CertificateService certificates) : IStationHandler<CertificateSignedRequest, CertificateSignedResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<CertificateSignedResponse> HandleAsync(CertificateSignedRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var status = signing.Accept(request.CertificateChain);
        if (status == CertificateSignedStatusEnumType.Accepted)
        {
            context.AfterResponse(_ =>
            {
                certificates.AnnounceReplacement();
                return Task.CompletedTask;
            });
        }

        return ValueTask.FromResult(new CertificateSignedResponse { Status = status });
    }
}
