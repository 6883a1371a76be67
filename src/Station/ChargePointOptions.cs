using Ocpp16.Rpc;
using Ocpp16.Transport;
using Station.DataTransfer;
using Station.Diagnostics;
using Station.FileTransfer;
using Station.Hardware;
using Station.Security.Certificates;

namespace Station;

/// <summary>How one station instance connects and behaves beyond its model and OCPP configuration.</summary>
public sealed record ChargePointOptions
{
    /// <summary>The charge point identity (the last path segment of the connection URL).</summary>
    public required string ChargePointId { get; init; }

    /// <summary>The Central System endpoint, <c>ws://</c> or <c>wss://</c>, without the identity.</summary>
    public required Uri CentralSystemUri { get; init; }

    /// <summary>Response timeout of CALLs.</summary>
    public RpcOptions Rpc { get; init; } = new();

    /// <summary>Back-off between connection attempts.</summary>
    public ReconnectPolicy Reconnect { get; init; } = new();

    /// <summary>How often the meter of a running transaction is persisted (the meterStop after a power loss).</summary>
    public TimeSpan MeterCheckpointInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a soft reset waits for queued transaction messages to leave before rebooting.</summary>
    public TimeSpan RebootFlushTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Vendor handlers of incoming DataTransfer requests.</summary>
    public IReadOnlyList<IDataTransferVendorHandler> DataTransferHandlers { get; init; } = [];

    /// <summary>Adjusts the WebSocket options of each connection attempt (authentication, TLS).</summary>
    public Func<WebSocketClientOptions, WebSocketClientOptions>? ConfigureConnection { get; init; }

    /// <summary>Sees every OCPP frame (message trace, tests).</summary>
    public IFrameObserver? FrameObserver { get; init; }

    /// <summary>Downloads firmware and uploads diagnostics; null: the station has no Firmware Management profile.</summary>
    public IFileTransfer? FileTransfer { get; init; }

    /// <summary>Verifies and installs downloaded firmware; null: every installation fails.</summary>
    public IFirmwareInstaller? FirmwareInstaller { get; init; }

    /// <summary>The rotating message trace and event log that GetDiagnostics uploads (it also sees every frame); null: nothing to upload.</summary>
    public StationTrace? Trace { get; init; }

    /// <summary>What GetDiagnostics archives; <see cref="Trace"/> when null (tests put a slow stand-in here).</summary>
    public IDiagnosticsArchive? DiagnosticsArchive { get; init; }

    /// <summary>Where downloaded firmware and diagnostics archives are kept; a temporary directory per charge point when null.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Certificates the start-up configuration installs (<c>security</c> section of <c>--config</c>); none when null.</summary>
    public CertificateProvisioning? Certificates { get; init; }

    /// <summary>
    /// Reads how full memory and storage are (the security event MemoryExhaustion); the process's own
    /// view of them (<see cref="Security.Events.ProcessResourceGauge"/> on <see cref="DataDirectory"/>) when null.
    /// </summary>
    public Security.Events.IResourceGauge? ResourceGauge { get; init; }

    /// <summary>How often <see cref="ResourceGauge"/> is read; <see cref="TimeSpan.Zero"/> turns the watch off.</summary>
    public TimeSpan ResourceCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Validates the options once; throws with a one-line reason.</summary>
    public ChargePointOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(ChargePointId) || ChargePointId.Length > 48)
        {
            throw new ArgumentException($"charge point id '{ChargePointId}' must be 1 to 48 characters", nameof(ChargePointId));
        }

        if (!CentralSystemUri.IsAbsoluteUri || CentralSystemUri.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"Central System URL '{CentralSystemUri}' must be an absolute ws:// or wss:// URL", nameof(CentralSystemUri));
        }

        Rpc.Validate();
        Reconnect.Validate();
        return this;
    }
}
