using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Security.Certificates;

/// <summary>Answers GetInstalledCertificateIds (security whitepaper, Retrieve list of available certificates).</summary>
internal sealed class GetInstalledCertificateIdsHandler(CertificateService certificates) : IStationHandler<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<GetInstalledCertificateIdsResponse> HandleAsync(GetInstalledCertificateIdsRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var installed = certificates.List(request.CertificateType);
        return ValueTask.FromResult(new GetInstalledCertificateIdsResponse
        {
            Status = installed.Count == 0 ? GetInstalledCertificateStatusEnumType.NotFound : GetInstalledCertificateStatusEnumType.Accepted,
            CertificateHashData = installed.Count == 0 ? null : installed,
        });
    }
}
