using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Composition;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Security.Certificates;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The certificate cases of the security whitepaper's certification (OCTT, shared/ocpp16/test-cases.md
/// §11: TC_074–TC_078), over real TLS on loopback; the test acts as the CA.
/// </summary>
public sealed class CertificateManagementConformanceTests(ITestOutputHelper output)
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    [Trait("Cert", "TC_074_CS")]
    public async Task TC_074_CS_Update_charge_point_certificate_by_request_of_central_system()
    {
        using var secure = new SecureStation(profile: 3);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();
        var csr = AcceptSigningRequests(session);

        // ExtendedTriggerMessage SignChargePointCertificate asks the station for this (another block's handler).
        var status = await harness.Station.Block<ICertificateSigning>()!.RequestChargePointCertificateAsync(CancellationToken.None).OrTimeout();
        Assert.Equal(GenericStatusEnumType.Accepted, status);

        var request = CertificateRequest.LoadSigningRequestPem(await csr.Task.OrTimeout(), HashAlgorithmName.SHA256);
        Assert.Contains("CN=TSCT2007CP-0001", request.SubjectName.Name, StringComparison.Ordinal);
        Assert.Contains("O=Test CPO", request.SubjectName.Name, StringComparison.Ordinal);
        Assert.Equal("1.2.840.10045.2.1", request.PublicKey.Oid.Value); // EC public key (P-256)

        var signed = secure.Authority.SignRequest(await csr.Task, Now.AddDays(-1), Now.AddDays(20));
        var answer = await session.CallAsync(new CertificateSignedRequest { CertificateChain = signed }).OrTimeout();
        Assert.Equal(CertificateSignedStatusEnumType.Accepted, answer.Status);

        // At profile 3 the station reconnects with its new certificate, without a reboot.
        var reconnected = await SecureStation.ReconnectedAsync(harness, session);
        using var issued = X509Certificate2.CreateFromPem(signed);
        Assert.Equal(issued.SerialNumber, reconnected.Security.ClientCertificateSerialNumber);
        Assert.Equal(1, harness.Instances);
    }

    [Fact]
    [Trait("Cert", "TC_077_CS")]
    public async Task TC_077_CS_Invalid_charge_point_certificate_security_event()
    {
        // End to end: the station's own security log and SecurityEventNotification, no recorder.
        using var secure = new SecureStation(profile: 3);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine) with { Composition = StationComposition.Default });
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();
        var csr = AcceptSigningRequests(session);

        // 1–2. ExtendedTriggerMessage SignChargePointCertificate → Accepted; SignCertificate → Accepted.
        var trigger = await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate }).OrTimeout();
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        var request = await csr.Task.OrTimeout();

        // 3. CertificateSigned with an invalid certificate (the right CA, but another key than the request's) → Rejected.
        using var other = TestCertificates.ChargePoint(secure.Authority, "TSCT2007CP-0001");
        var (answer, answered) = await session.CallRecordedAsync(new CertificateSignedRequest { CertificateChain = other.ExportCertificatePem() });
        Assert.Equal(CertificateSignedStatusEnumType.Rejected, answer.Status);

        // 4. SecurityEventNotification InvalidChargePointCertificate, after the answer.
        var (invalid, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(answered, e => e.Type == SecurityEventTypes.InvalidChargePointCertificate);
        Assert.Contains("key", invalid.TechInfo, StringComparison.Ordinal);
        Assert.InRange(invalid.Timestamp, harness.Clock.GetUtcNow().AddSeconds(-1), harness.Clock.GetUtcNow().AddSeconds(1));

        // A certificate for the request's key from a CA the station does not know, and no PEM at all: the same.
        using var stranger = TestCertificates.Authority("Stranger CA");
        var foreign = stranger.SignRequest(request, Now.AddDays(-1), Now.AddDays(1));
        Assert.Equal(CertificateSignedStatusEnumType.Rejected, (await session.CallAsync(new CertificateSignedRequest { CertificateChain = foreign }).OrTimeout()).Status);
        Assert.Equal(CertificateSignedStatusEnumType.Rejected, (await session.CallAsync(new CertificateSignedRequest { CertificateChain = "not a certificate" }).OrTimeout()).Status);

        // Nothing changed: the station stays connected with its certificate; each refusal was one notification.
        await session.FenceAsync();
        Assert.True(session.IsConnected);
        Assert.Equal(secure.ClientCertificate.SerialNumber, session.Security.ClientCertificateSerialNumber);
        Assert.Equal(3, session.CallsAfter<SecurityEventNotificationRequest>(start).Count(e => e.Type == SecurityEventTypes.InvalidChargePointCertificate));
    }

    [Theory]
    [Trait("Cert", "TC_075_1_CS")]
    [InlineData(CertificateUseEnumType.ManufacturerRootCertificate)]
    public Task TC_075_1_CS_Install_a_certificate_manufacturer_root(CertificateUseEnumType type) => InstallAsync(type);

    [Theory]
    [Trait("Cert", "TC_075_2_CS")]
    [InlineData(CertificateUseEnumType.CentralSystemRootCertificate)]
    public Task TC_075_2_CS_Install_a_certificate_central_system_root(CertificateUseEnumType type) => InstallAsync(type);

    [Fact]
    [Trait("Cert", "TC_076_CS")]
    public async Task TC_076_CS_Delete_a_specific_certificate_from_the_charge_point()
    {
        using var secure = new SecureStation(profile: 2);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();
        var configured = HashOf(secure.Authority.Certificate);

        // The last CentralSystemRootCertificate cannot go (AQ-1), nor can an unknown one.
        Assert.Equal(DeleteCertificateStatusEnumType.Failed, (await session.CallAsync(new DeleteCertificateRequest { CertificateHashData = configured }).OrTimeout()).Status);
        using var unknown = TestCertificates.Authority("Unknown CA");
        Assert.Equal(DeleteCertificateStatusEnumType.NotFound, (await session.CallAsync(new DeleteCertificateRequest { CertificateHashData = HashOf(unknown.Certificate) }).OrTimeout()).Status);

        // CertificateInstalled: a second root, then the configured one can be deleted.
        using var second = TestCertificates.Authority("Second CSMS Root");
        var installed = await session.CallAsync(new InstallCertificateRequest
        {
            CertificateType = CertificateUseEnumType.CentralSystemRootCertificate,
            Certificate = second.Certificate.ExportCertificatePem(),
        }).OrTimeout();
        Assert.Equal(InstallCertificateStatusEnumType.Accepted, installed.Status);
        var listed = await session.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate }).OrTimeout();
        Assert.Equal(2, listed.CertificateHashData!.Count);

        var deleted = await session.CallAsync(new DeleteCertificateRequest { CertificateHashData = configured }).OrTimeout();
        Assert.Equal(DeleteCertificateStatusEnumType.Accepted, deleted.Status);
        var after = await session.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate }).OrTimeout();
        Assert.Equal([HashOf(second.Certificate)], after.CertificateHashData);

        // Deleted stays deleted across a restart: the start-up configuration does not bring it back.
        await harness.RestartProcessAsync();
        Assert.DoesNotContain(configured, harness.Station.Block<CertificateService>()!.List(CertificateUseEnumType.CentralSystemRootCertificate));
    }

    [Fact]
    [Trait("Cert", "TC_078_CS")]
    public async Task TC_078_CS_Invalid_central_system_certificate_security_event()
    {
        // End to end: the station's own security log and SecurityEventNotification, no recorder.
        using var secure = new SecureStation(profile: 2);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine) with { Composition = StationComposition.Default });
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();
        using var expired = TestCertificateAuthorityExpired();

        // InstallCertificate CentralSystemRootCertificate with an expired certificate → Rejected, then the event.
        var (answer, answered) = await session.CallRecordedAsync(new InstallCertificateRequest
        {
            CertificateType = CertificateUseEnumType.CentralSystemRootCertificate,
            Certificate = expired.Certificate.ExportCertificatePem(),
        });
        Assert.Equal(InstallCertificateStatusEnumType.Rejected, answer.Status);
        var (invalid, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(answered, e => e.Type == SecurityEventTypes.InvalidCentralSystemCertificate);
        Assert.Contains("is valid only from", invalid.TechInfo, StringComparison.Ordinal);

        // Not a certificate inside the PEM, and a server certificate that is no CA: Rejected, an event each; nothing was installed.
        Assert.Equal(InstallCertificateStatusEnumType.Rejected, (await session.CallAsync(new InstallCertificateRequest
        {
            CertificateType = CertificateUseEnumType.CentralSystemRootCertificate,
            Certificate = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----",
        }).OrTimeout()).Status);
        using var leaf = TestCertificates.Server(secure.Authority);
        Assert.Equal(InstallCertificateStatusEnumType.Rejected, (await session.CallAsync(new InstallCertificateRequest
        {
            CertificateType = CertificateUseEnumType.CentralSystemRootCertificate,
            Certificate = leaf.ExportCertificatePem(),
        }).OrTimeout()).Status);
        var listed = await session.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate }).OrTimeout();
        Assert.Equal([HashOf(secure.Authority.Certificate)], listed.CertificateHashData);
        await session.FenceAsync();
        Assert.Equal(3, session.CallsAfter<SecurityEventNotificationRequest>(start).Count(e => e.Type == SecurityEventTypes.InvalidCentralSystemCertificate));
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task A_Central_System_certificate_from_an_untrusted_CA_is_refused_with_a_security_event_and_retried()
    {
        using var secure = new SecureStation(profile: 2);
        using var stranger = TestCertificates.Authority("Stranger CA");
        var options = secure.Options(output.WriteLine, csms => csms with { ServerCertificate = TestCertificates.Server(stranger) });
        await using var harness = await StationHarness.StartAsync(options);

        var techInfo = await secure.Events.WaitForAsync(SecurityEventTypes.InvalidCentralSystemCertificate);
        Assert.Contains("trusted root", techInfo, StringComparison.Ordinal);

        // A failed attempt with back-off: the station dials again, and never crashes.
        var before = harness.Logs.Count;
        await harness.Clock.WaitForTimerWithinAsync(TimeSpan.FromSeconds(8)).OrTimeout();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(8));
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 3454, before).OrTimeout();
        Assert.False(harness.Station.Link.IsConnected);
        Assert.Single(secure.Events.Events, e => e.Type == SecurityEventTypes.InvalidCentralSystemCertificate);
    }

    private async Task InstallAsync(CertificateUseEnumType type)
    {
        using var secure = new SecureStation(profile: 2);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();
        using var root = TestCertificates.Authority($"{type} CA");

        // CRLF line endings, as some certificate tools write PEM (pitfall 4).
        var answer = await session.CallAsync(new InstallCertificateRequest
        {
            CertificateType = type,
            Certificate = TestCertificates.CrlfPem(root.Certificate.ExportCertificatePem()),
        }).OrTimeout();
        Assert.Equal(InstallCertificateStatusEnumType.Accepted, answer.Status);

        var listed = await session.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = type }).OrTimeout();
        Assert.Equal(GetInstalledCertificateStatusEnumType.Accepted, listed.Status);
        Assert.Contains(HashOf(root.Certificate), listed.CertificateHashData!);

        // Installed certificates survive a kill -9.
        await harness.RestartProcessAsync();
        Assert.Contains(HashOf(root.Certificate), harness.Station.Block<CertificateService>()!.List(type));
    }

    private static TaskCompletionSource<string> AcceptSigningRequests(CentralSystem.StationSession session)
    {
        var csr = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Handle(OcppActions.SignCertificate, (_, request) =>
        {
            csr.TrySetResult(request.Csr);
            return new SignCertificateResponse { Status = GenericStatusEnumType.Accepted };
        });
        return csr;
    }

    private static CentralSystem.Tls.TestCertificateAuthority TestCertificateAuthorityExpired() =>
        CentralSystem.Tls.TestCertificateAuthority.Create("Expired CA", Now.AddDays(-30), Now.AddDays(-1), CentralSystem.Tls.TestKeyAlgorithm.EcdsaP256);

    // The hash data as the harness recomputes it (OCTT does so too): SHA-256 of the issuer name's DER and of the
    // issuer's public key bits, the serial number in hexadecimal; all lower case, the serial without leading zeroes.
    private static CertificateHashDataType HashOf(X509Certificate2 root) => new()
    {
        HashAlgorithm = HashAlgorithmEnumType.Sha256,
        IssuerNameHash = Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData)),
        IssuerKeyHash = Convert.ToHexStringLower(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData)),
        SerialNumber = root.SerialNumber.TrimStart('0').ToLowerInvariant(),
    };
}
