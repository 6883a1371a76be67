namespace Station.Diagnostics;

/// <summary>A diagnostics archive ready to upload, and how to retry its upload.</summary>
/// <param name="Location">Where to upload it.</param>
/// <param name="ArchivePath">The archive on the station's disk.</param>
/// <param name="FileName">Its name, as GetDiagnostics.conf announced it.</param>
/// <param name="Retries">Further attempts after the first fails.</param>
/// <param name="RetryInterval">The wait between attempts.</param>
public sealed record DiagnosticsUpload(Uri Location, string ArchivePath, string FileName, int Retries, TimeSpan RetryInterval);
