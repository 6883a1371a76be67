using System.Security.Cryptography.X509Certificates;
using CentralSystem;
using CentralSystem.Tls;
using Ocpp16.Testing;
using Station.Composition;
using Station.Security.Certificates;
using Station.Security.Connection;
using Station.Testing;

namespace Station.IntegrationTests.Support;

/// <summary>
/// A station at a security profile against the built-in Central System over real TLS on loopback:
/// a throw-away CA made in the test issues the Central System's certificate (127.0.0.1) and the
/// station's client certificate; the station trusts the CA from its start-up configuration.
/// </summary>
internal sealed class SecureStation : IDisposable
{
    /// <summary>The Basic password of the tests (32 characters, as the contract's example).</summary>
    public const string Password = "0123456789abcdef0123456789abcdef";

    /// <summary>A station at <paramref name="profile"/>; its certificate valid from yesterday to tomorrow unless a validity is given.</summary>
    public SecureStation(int profile, (DateTimeOffset NotBefore, DateTimeOffset NotAfter)? clientValidity = null)
    {
        Profile = profile;
        ClientCertificate = clientValidity is { } validity
            ? Authority.IssueChargePointCertificate("TSCT2007CP-0001", "Test CPO", validity.NotBefore, validity.NotAfter)
            : TestCertificates.ChargePoint(Authority, "TSCT2007CP-0001");
    }

    public int Profile { get; }

    public string ChargePointId { get; } = $"CP-{Guid.NewGuid():N}"[..16];

    /// <summary>The CA of the Central System's certificate and of the station's.</summary>
    public TestCertificateAuthority Authority { get; } = TestCertificates.Authority("CSMS Root CA");

    /// <summary>The station's certificate (profile 3), as provisioned in its start-up configuration.</summary>
    public X509Certificate2 ClientCertificate { get; }

    /// <summary>What the security blocks reported.</summary>
    public RecordingSecurityEvents Events { get; } = new();

    /// <summary>
    /// Options for an upgrade to profile 3 (TC_083 and its fall-back): the Central System lets in stations without a
    /// client certificate and trusts those of <paramref name="clientAuthority"/> only (this station's CA: the
    /// upgrade works; another CA: profile 3 cannot get in, profile 2 can).
    /// </summary>
    public StationHarnessOptions UpgradeOptions(Action<string> output, TestCertificateAuthority clientAuthority) => Options(output, csms => csms with
    {
        BasicAuthPasswords = null,
        ClientCertificateAuthorities = [clientAuthority.Certificate],
        ClientCertificateRequired = false,
    });

    /// <summary>The harness options: the Central System as the profile needs it, the station configured for it.</summary>
    public StationHarnessOptions Options(Action<string> output, Func<CentralSystemOptions, CentralSystemOptions>? csms = null, bool provisionClientCertificate = true)
    {
        var central = new CentralSystemOptions { HeartbeatInterval = 60 };
        if (Profile >= 2)
        {
            central = central with { ServerCertificate = TestCertificates.Server(Authority) };
        }

        if (Profile is 1 or 2)
        {
            central = central with { BasicAuthPasswords = new Dictionary<string, string> { [ChargePointId] = Password } };
        }

        if (Profile == 3)
        {
            central = central with { ClientCertificateAuthorities = [Authority.Certificate] };
        }

        var provisioning = new CertificateProvisioning
        {
            CentralSystemRootPems = [Authority.Certificate.ExportCertificatePem()],
            ClientCertificatePem = provisionClientCertificate ? ClientCertificate.ExportCertificatePem() : null,
            ClientKeyPem = provisionClientCertificate ? ClientCertificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() : null,
        };
        return new StationHarnessOptions
        {
            Output = output,
            ChargePointId = ChargePointId,
            CentralSystem = csms?.Invoke(central) ?? central,
            Configuration = new Dictionary<string, string>
            {
                [SecurityKeys.SecurityProfile] = Profile.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SecurityKeys.AuthorizationKey] = Password,
                [CertificateKeys.CpoName] = "Test CPO",
            },
            ConfigureStation = options => options with { Certificates = provisioning },
            Composition = [Events.Module, .. StationComposition.Default],
        };
    }

    /// <summary>
    /// Waits until the station closed <paramref name="previous"/> and connected again, letting virtual
    /// time pass for the back-off (1 s, doubling to 8 s, no jitter in the harness); returns the new session.
    /// </summary>
    public static async Task<StationSession> ReconnectedAsync(StationHarness harness, StationSession previous, int maxAttempts = 12)
    {
        var reconnected = harness.WaitForSessionAsync(s => s != previous && s.IsConnected);
        await previous.WaitForDisconnectAsync().OrTimeout();
        for (var attempt = 0; !reconnected.IsCompleted; attempt++)
        {
            if (attempt == maxAttempts)
            {
                throw new TimeoutException("the station did not reconnect");
            }

            await Task.WhenAny(reconnected, harness.Clock.WaitForTimerWithinAsync(TimeSpan.FromSeconds(8))).OrTimeout();
            if (!reconnected.IsCompleted)
            {
                await harness.AdvanceAsync(TimeSpan.FromSeconds(8));
            }
        }

        return await reconnected;
    }

    public void Dispose()
    {
        ClientCertificate.Dispose();
        Authority.Dispose();
    }
}
