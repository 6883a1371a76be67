using System.Security.Cryptography.X509Certificates;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The station renews its charge point certificate on its own before it expires (issue 12; whitepaper,
/// Update Charge Point Certificate), at security profile 3 over real TLS on loopback.
/// </summary>
public sealed class CertificateRenewalTests(ITestOutputHelper output)
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task A_certificate_in_the_last_quarter_of_its_validity_is_renewed_without_a_trigger_and_the_new_one_is_not()
    {
        // Valid four days, one left: the last quarter. (Certificates are wall-clock data for the TLS stack.)
        using var secure = new SecureStation(profile: 3, (Now.AddDays(-3), Now.AddDays(1)));
        var requests = new List<string>();
        var csr = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = secure.Options(output.WriteLine) with
        {
            ScriptCentralSystem = (csms, _) => csms.Handle(OcppActions.SignCertificate, (_, request) =>
            {
                lock (requests)
                {
                    requests.Add(request.Csr);
                }

                csr.TrySetResult(request.Csr);
                return new SignCertificateResponse { Status = GenericStatusEnumType.Accepted };
            }),
        };
        await using var harness = await StationHarness.StartAsync(options);
        var session = await harness.BootAsync();

        // No ExtendedTriggerMessage: the station asks after its BootNotification was accepted.
        var request = await csr.Task.OrTimeout();
        Assert.Contains("CN=TSCT2007CP-0001", CertificateRequest.LoadSigningRequestPem(request, System.Security.Cryptography.HashAlgorithmName.SHA256).SubjectName.Name, StringComparison.Ordinal);
        var signed = secure.Authority.SignRequest(request, Now.AddDays(-1), Now.AddDays(20));
        var answer = await session.CallAsync(new CertificateSignedRequest { CertificateChain = signed }).OrTimeout();
        Assert.Equal(CertificateSignedStatusEnumType.Accepted, answer.Status);

        // It reconnects with the new certificate (20 of 21 days left: not due), and asks no more.
        var reconnected = await SecureStation.ReconnectedAsync(harness, session);
        using var issued = X509Certificate2.CreateFromPem(signed);
        Assert.Equal(issued.SerialNumber, reconnected.Security.ClientCertificateSerialNumber);
        await reconnected.FenceAsync();
        lock (requests)
        {
            Assert.Single(requests);
        }
    }

    [Fact]
    public async Task A_certificate_with_more_than_a_quarter_of_its_validity_left_is_not_renewed_at_boot()
    {
        using var secure = new SecureStation(profile: 3);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await session.FenceAsync();

        Assert.Empty(session.CallsAfter<SignCertificateRequest>(0));
        Assert.DoesNotContain(harness.Logs.Entries, e => e.EventId.Id == 3408);
    }
}
