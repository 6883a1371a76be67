namespace Station.Host.Run;

/// <summary>
/// The <c>security</c> section of the station configuration file (station-control contract,
/// Security): what the station needs before its first secure connection. Paths are relative to the file.
/// </summary>
public sealed record SecurityConfig
{
    /// <summary>PEM files trusted for the Central System's certificate, installed as CentralSystemRootCertificates.</summary>
    public IReadOnlyList<string>? CsmsRootCertificates { get; init; }

    /// <summary>The charge point certificate (PEM; its sub-CAs may follow) for security profile 3.</summary>
    public string? ClientCertificate { get; init; }

    /// <summary>The private key of <see cref="ClientCertificate"/> (PEM).</summary>
    public string? ClientKey { get; init; }
}
