using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using CentralSystem;
using CentralSystem.Tls;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Transport;

namespace Station.Benchmarks.Transport;

/// <summary>
/// What does a Charge Point's connection set-up cost, per security profile? One operation dials
/// the built-in Central System on loopback (TCP, TLS handshake with the certificate checks of the
/// whitepaper, WebSocket upgrade) and closes the connection again with its close handshake; the
/// difference to <see cref="ConnectionKind.Plain"/> is the TLS handshake.
/// </summary>
[MemoryDiagnoser]
public class ConnectBenchmarks
{
    private TestCertificateAuthority _authority = null!;
    private X509Certificate2? _serverCertificate;
    private X509Certificate2? _clientCertificate;
    private CentralSystemServer _csms = null!;
    private WebSocketClientOptions _options = null!;

    [Params(ConnectionKind.Plain, ConnectionKind.TlsEcdsa, ConnectionKind.TlsRsa, ConnectionKind.MutualTlsEcdsa)]
    public ConnectionKind Kind { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        // Certificate validity is wall-clock data for the TLS stack.
        var now = TimeProvider.System.GetUtcNow();
        var algorithm = Kind == ConnectionKind.TlsRsa ? TestKeyAlgorithm.Rsa2048 : TestKeyAlgorithm.EcdsaP256;
        _authority = TestCertificateAuthority.Create("Benchmark CA", now.AddDays(-1), now.AddDays(2), algorithm);
        var secure = Kind != ConnectionKind.Plain;
        var mutual = Kind == ConnectionKind.MutualTlsEcdsa;
        _serverCertificate = secure ? _authority.IssueServerCertificate(["127.0.0.1"], now.AddDays(-1), now.AddDays(1)) : null;
        _clientCertificate = mutual ? _authority.IssueChargePointCertificate("CP001", "Benchmark CPO", now.AddDays(-1), now.AddDays(1)) : null;
        _csms = await CentralSystemServer.StartAsync(
            new CentralSystemOptions
            {
                ServerCertificate = _serverCertificate,
                ClientCertificateAuthorities = mutual ? [_authority.Certificate] : null,
                FrameHistoryLimit = 0,
            },
            NullLoggerFactory.Instance,
            TimeProvider.System);
        _options = new WebSocketClientOptions
        {
            CentralSystemUri = _csms.Endpoint,
            ChargePointId = "CP001",
            TrustedRootCertificates = secure ? [_authority.Certificate] : null,
            ClientCertificate = _clientCertificate,
        };

        // The benchmark checks its own result: the connection is what its kind says.
        await using var transport = await OcppWebSocketClient.ConnectAsync(_options);
        if (secure != transport.TlsProtocol is not null || transport.SubProtocol != OcppWebSocketClient.SubProtocol)
        {
            throw new InvalidOperationException($"{Kind}: connected with TLS {transport.TlsProtocol?.ToString() ?? "none"}, subprotocol {transport.SubProtocol}");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _csms.DisposeAsync();
        _serverCertificate?.Dispose();
        _clientCertificate?.Dispose();
        _authority.Dispose();
    }

    [Benchmark]
    public async Task ConnectAndClose()
    {
        var transport = await OcppWebSocketClient.ConnectAsync(_options);
        await transport.DisposeAsync();
    }
}
