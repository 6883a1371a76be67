using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ocpp16.Transport;

namespace CentralSystem;

/// <summary>
/// Settings of the built-in Central System. Immutable; validated once by
/// <see cref="CentralSystemServer.StartAsync"/>.
/// </summary>
public sealed record CentralSystemOptions
{
    /// <summary>The address to listen on; loopback by default, so nothing is exposed unless asked.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks any free port (see <see cref="CentralSystemServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The path under which charge points connect, as <c>{Path}/{chargePointId}</c>. Starts with a
    /// slash and has none at the end.
    /// </summary>
    public string Path { get; init; } = "/ocpp";

    /// <summary>
    /// The <c>interval</c> of the default BootNotification answer, in seconds. OCPP 1.6 §4.2: with
    /// Accepted it is the heartbeat interval; 0 lets the Charge Point choose.
    /// </summary>
    public int HeartbeatInterval { get; init; } = 60;

    /// <summary>
    /// Identifiers the default Authorize, StartTransaction and StopTransaction answers call
    /// Invalid; every other identifier is Accepted. Compared case-insensitively (idTag is a CiString).
    /// </summary>
    public IReadOnlyCollection<string> DeniedIdTags { get; init; } = [];

    /// <summary>The <c>parentIdTag</c> the default answers give an identifier (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string> ParentIdTags { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a Central System → Charge Point CALL waits for its answer.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest message accepted from a charge point.</summary>
    public int MaxMessageBytes { get; init; } = WebSocketTransport.DefaultMaxMessageBytes;

    /// <summary>
    /// How often the server sends WebSocket pings; zero (the default) sends none and leaves
    /// keep-alive to the station's <c>WebSocketPingInterval</c>.
    /// </summary>
    public TimeSpan PingInterval { get; init; }

    /// <summary>
    /// Serves, on the same port, the web UI at <c>/</c>, the JSON API for scripts
    /// (<c>/stations</c>, <c>/answers</c>, <c>/actions</c>) and the live event stream
    /// (<c>/events</c>), as the <c>csms</c> command does. Off by default: tests and benchmarks
    /// that only need the WebSocket endpoint keep nothing else listening. It has no authentication:
    /// whoever reaches the port can drive the stations.
    /// </summary>
    public bool EnableHttpApi { get; init; }

    /// <summary>
    /// How long <see cref="StationSession.CloseAsync"/> waits for the station to answer the close
    /// handshake before the connection is aborted.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many frames each session keeps in <see cref="StationSession.Frames"/>; older ones are
    /// dropped first. 0 keeps none (a fleet benchmark), while events and waits still see every frame.
    /// </summary>
    public int FrameHistoryLimit { get; init; } = 10_000;

    /// <summary>
    /// OCPP security profile 1/2: the HTTP Basic password of each charge point id. When set, a
    /// connection without the right credentials, or from an id not listed, is refused with 401.
    /// Null (the default) accepts every charge point without credentials.
    /// </summary>
    public IReadOnlyDictionary<string, string>? BasicAuthPasswords { get; init; }

    /// <summary>
    /// The TLS certificate (with private key) to serve <c>wss://</c> (security profiles 2 and 3); null
    /// serves plain <c>ws://</c>. Over TLS only TLS 1.2 and 1.3 are accepted, with the cipher suites
    /// of <see cref="Ocpp16.Transport.TlsPolicy"/> where the platform enforces them (Linux).
    /// </summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>The sub-CA certificates sent along with <see cref="ServerCertificate"/>, if it is not signed by a root directly.</summary>
    public X509Certificate2Collection? ServerCertificateChain { get; init; }

    /// <summary>
    /// Security profile 3: every station must present a TLS client certificate that chains to one of
    /// these CA certificates (and, if it has an extended key usage, one for client authentication);
    /// a handshake without one, or with one that does not check out, is refused with a log line saying
    /// why. Needs <see cref="ServerCertificate"/>. Null asks for no client certificate.
    /// </summary>
    public X509Certificate2Collection? ClientCertificateAuthorities { get; init; }

    /// <summary>
    /// With <see cref="ClientCertificateAuthorities"/>: whether a station without a client certificate
    /// is refused (403, the default: every station at profile 3). False lets stations at profile 2 in
    /// beside those at profile 3, whose certificates are still checked: a Central System migrating its
    /// stations upwards (TC_083).
    /// </summary>
    public bool ClientCertificateRequired { get; init; } = true;

    /// <summary>Fails fast on settings that cannot work, naming the setting.</summary>
    public CentralSystemOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(ListenAddress);
        Require(Port is >= 0 and <= 65535, nameof(Port), "must be between 0 and 65535");
        Require(Path.StartsWith('/') && !Path.EndsWith('/') && Path.Length > 1, nameof(Path), "must start with '/' and must not end with one, like \"/ocpp\"");
        Require(HeartbeatInterval >= 0, nameof(HeartbeatInterval), "must not be negative");
        Require(ResponseTimeout > TimeSpan.Zero, nameof(ResponseTimeout), "must be positive");
        Require(CloseTimeout > TimeSpan.Zero, nameof(CloseTimeout), "must be positive");
        Require(MaxMessageBytes > 0, nameof(MaxMessageBytes), "must be positive");
        Require(PingInterval >= TimeSpan.Zero, nameof(PingInterval), "must not be negative");
        Require(FrameHistoryLimit >= 0, nameof(FrameHistoryLimit), "must not be negative");

        // idTag and parentIdTag are CiString20 (OCPP 1.6 §7.15): a longer one could never be
        // written into an answer, so it is refused here rather than as InternalError later.
        foreach (var idTag in DeniedIdTags)
        {
            Require(IsIdTag(idTag), nameof(DeniedIdTags), $"holds '{idTag}', which is not an idTag of 1 to 20 characters");
        }

        foreach (var (idTag, parent) in ParentIdTags)
        {
            Require(IsIdTag(idTag) && IsIdTag(parent), nameof(ParentIdTags), $"maps '{idTag}' to '{parent}'; both must be idTags of 1 to 20 characters");
        }

        Require(
            ParentIdTags.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() == ParentIdTags.Count,
            nameof(ParentIdTags),
            "has idTags that differ only in case; idTags are case-insensitive");
        Require(ServerCertificate is null || ServerCertificate.HasPrivateKey, nameof(ServerCertificate), "needs its private key");
        Require(ServerCertificateChain is null || ServerCertificate is not null, nameof(ServerCertificateChain), "is set without a ServerCertificate");
        Require(ClientCertificateAuthorities is null || ServerCertificate is not null, nameof(ClientCertificateAuthorities), "needs a ServerCertificate: client certificates are a TLS feature");
        Require(ClientCertificateAuthorities is null || ClientCertificateAuthorities.Count > 0, nameof(ClientCertificateAuthorities), "is empty: no station could ever connect");
        return this;
    }

    /// <summary>
    /// A copy whose collections the caller can no longer change: the server reads them from
    /// every connection's thread for as long as it runs.
    /// </summary>
    internal CentralSystemOptions Frozen() => this with
    {
        DeniedIdTags = DeniedIdTags.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
        ParentIdTags = ParentIdTags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        BasicAuthPasswords = BasicAuthPasswords?.ToFrozenDictionary(StringComparer.Ordinal),
    };

    private static bool IsIdTag(string? idTag) => !string.IsNullOrEmpty(idTag) && idTag.Length <= 20;

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"CentralSystemOptions.{setting} {problem}", setting);
        }
    }
}
