using Ocpp16.Messages;
using Station.Runtime;

namespace Station.Diagnostics;

/// <summary>A diagnostics archive to build and upload, and how to retry its upload.</summary>
/// <param name="Location">Where to upload it.</param>
/// <param name="ArchivePath">The archive on the station's disk (reserved, empty, until it is built).</param>
/// <param name="FileName">Its name, as GetDiagnostics.conf announced it.</param>
/// <param name="Retry">How a failed upload is retried.</param>
/// <param name="From">The start of the window archived; open when null.</param>
/// <param name="To">The end of the window archived; open (now) when null.</param>
public sealed record DiagnosticsUpload(Uri Location, string ArchivePath, string FileName, RetryPlan Retry, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>What is archived; the service's own archive (the station trace) when null.</summary>
    public IDiagnosticsArchive? Archive { get; init; }

    /// <summary>
    /// The notification of each step (Uploading, Uploaded, UploadFailed); a DiagnosticsStatusNotification
    /// when null. GetLog reports with LogStatusNotification through the same upload.
    /// </summary>
    public Func<DiagnosticsStatus, IOcppRequest>? Report { get; init; }
}
