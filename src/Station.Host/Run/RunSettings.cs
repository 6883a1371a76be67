using Ocpp16.Rpc;
using Station.Model;
using Station.Storage.Sqlite;

namespace Station.Host.Run;

/// <summary>Everything the <c>run</c> command resolved from its options and the configuration file.</summary>
internal sealed record RunSettings
{
    public required StationModel Model { get; init; }

    public required string ChargePointId { get; init; }

    public required Uri CentralSystemUri { get; init; }

    public required string DataDirectory { get; init; }

    public required int ControlPort { get; init; }

    public required double EvPowerW { get; init; }

    /// <summary>The certificates of the configuration file's security section.</summary>
    public Station.Security.Certificates.CertificateProvisioning? Certificates { get; init; }

    /// <summary>Refuse answers that deviate from the schema in any way (<c>--strict-answers</c>), as conformance testing wants.</summary>
    public bool StrictAnswers { get; init; }

    /// <summary>Play a throw-away charging session in-process before connecting (<c>run</c> without <c>--no-warm-up</c>; see <see cref="WarmUp.StartupWarmUp"/>).</summary>
    public bool WarmUp { get; init; }

    /// <summary>What a commit of the station's database survives (<c>--durability</c>).</summary>
    public Durability Durability { get; init; } = Durability.PowerLossSafe;

    /// <summary>Adjusts each connection attempt (a fleet's source address); none for <c>run</c>.</summary>
    public Func<Ocpp16.Transport.WebSocketClientOptions, Ocpp16.Transport.WebSocketClientOptions>? ConfigureConnection { get; init; }

    /// <summary>Sees every frame of every station instance (the demo's round-trip times); none for <c>run</c>.</summary>
    public IFrameObserver? FrameObserver { get; init; }

    /// <summary>Reads memory and storage for MemoryExhaustion: the fleet's one shared reading; the station's own for <c>run</c> (null).</summary>
    public Station.Security.Events.IResourceGauge? ResourceGauge { get; init; }
}
