using Station.Model;

namespace Station.Host.Run;

/// <summary>A loaded station configuration: the model and what the file says about the station's surroundings.</summary>
/// <param name="Model">The validated station model.</param>
/// <param name="ChargePointId">The identity from the file, if any.</param>
/// <param name="CsmsUrl">The Central System URL from the file, if any.</param>
/// <param name="EvPowerW">The power the simulated EV draws.</param>
/// <param name="Certificates">The certificates of the file's security section, read and checked.</param>
internal sealed record LoadedStationConfig(StationModel Model, string? ChargePointId, string? CsmsUrl, double EvPowerW, Station.Security.Certificates.CertificateProvisioning? Certificates = null);
