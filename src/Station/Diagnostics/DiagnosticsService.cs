using System.Globalization;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Connection;
using Station.FileTransfer;
using Station.Runtime;

namespace Station.Diagnostics;

/// <summary>
/// Diagnostics (OCPP 1.6 §4.4, §5.9): archives the station trace of the requested window, uploads
/// it with the requested retries, and reports Uploading → Uploaded or UploadFailed with
/// DiagnosticsStatusNotification. One upload at a time; a new request replaces a running one.
/// It owns no state the other blocks share, so it runs beside the station lock.
/// </summary>
public sealed class DiagnosticsService
{
    private readonly IDiagnosticsArchive? _archive;
    private readonly IFileTransfer? _transfer;
    private readonly IDurableQueue _notifications;
    private readonly StationRuntime _runtime;
    private readonly string _chargePointId;
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _upload;

    /// <summary>Creates the block.</summary>
    /// <param name="archive">What is archived (the station trace); null when the station keeps none (nothing to upload).</param>
    /// <param name="transfer">Uploads the archive.</param>
    /// <param name="notifications">Where DiagnosticsStatusNotifications go (durably: they are owed across a power loss).</param>
    /// <param name="runtime">Clock and background work.</param>
    /// <param name="chargePointId">Part of the archive's name.</param>
    /// <param name="directory">Where archives wait for their upload.</param>
    public DiagnosticsService(IDiagnosticsArchive? archive, IFileTransfer? transfer, IDurableQueue notifications, StationRuntime runtime, string chargePointId, string directory)
    {
        _archive = archive;
        _transfer = transfer;
        _notifications = notifications;
        _runtime = runtime;
        _chargePointId = chargePointId;
        _directory = directory;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Diagnostics");
    }

    /// <summary>What a triggered DiagnosticsStatusNotification reports: Uploading during an upload, else Idle.</summary>
    public DiagnosticsStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _upload is null ? DiagnosticsStatus.Idle : DiagnosticsStatus.Uploading;
            }
        }
    }

    /// <summary>
    /// Names the archive of the request's window, at once (the answer names it; the archive is built
    /// after the answer, off the receive loop); null when there is nothing to upload: no trace, or a
    /// window that ends before the oldest entry or starts after now.
    /// </summary>
    public DiagnosticsUpload? Prepare(GetDiagnosticsRequest request) =>
        Prepare(_archive, "diagnostics", request.Location, request.StartTime, request.StopTime, request.Retries, request.RetryInterval);

    /// <summary>
    /// Names the archive of <paramref name="archive"/> for the window, as <see cref="Prepare(GetDiagnosticsRequest)"/>
    /// does (GetLog uses it with the security log or the trace); null when there is nothing to upload.
    /// </summary>
    /// <param name="archive">What to archive; null: nothing to upload.</param>
    /// <param name="kind">The start of the archive's name (e.g. <c>diagnostics</c>, <c>securitylog</c>).</param>
    /// <param name="location">Where to upload it.</param>
    /// <param name="startTime">The start of the window; open when null.</param>
    /// <param name="stopTime">The end of the window; open (now) when null.</param>
    /// <param name="requestedRetries">The request's retries; the default when null.</param>
    /// <param name="requestedInterval">The request's retry interval in seconds; the default when null or not positive.</param>
    public DiagnosticsUpload? Prepare(IDiagnosticsArchive? archive, string kind, Uri location, DateTimeOffset? startTime, DateTimeOffset? stopTime, int? requestedRetries, int? requestedInterval)
    {
        if (archive is null)
        {
            DiagnosticsLog.NoTrace(_logger);
            return null;
        }

        var from = Describe(startTime, "the start");
        var to = Describe(stopTime, "now");
        var now = _runtime.Clock.GetUtcNow();
        var oldest = archive.OldestEntryAt();
        if (oldest is null || startTime > now || stopTime < oldest)
        {
            DiagnosticsLog.NothingToUpload(_logger, from, to);
            return null;
        }

        var stem = $"{kind}-{SafeName(_chargePointId)}-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var fileName = $"{stem}.zip";
        string path;
        try
        {
            // The name is reserved by an empty file: a second request within the same second gets one
            // of its own before either archive is written; each upload deletes its archive when it ends.
            Directory.CreateDirectory(_directory);
            for (var copy = 2; ; copy++)
            {
                path = Path.Combine(_directory, fileName);
                try
                {
                    new FileStream(path, FileMode.CreateNew, FileAccess.Write).Dispose();
                    break;
                }
                catch (IOException) when (File.Exists(path))
                {
                    fileName = $"{stem}-{copy}.zip";
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DiagnosticsLog.ArchiveFailed(_logger, ex.Message);
            return null;
        }

        return new DiagnosticsUpload(location, path, fileName, RetryPlan.From(requestedRetries, requestedInterval), startTime, stopTime) { Archive = archive };
    }

    /// <summary>Uploads in the background, replacing an upload in progress.</summary>
    public void StartUpload(DiagnosticsUpload upload)
    {
        var running = CancellationTokenSource.CreateLinkedTokenSource(_runtime.Stopping);
        lock (_gate)
        {
            if (_upload is { } previous)
            {
                DiagnosticsLog.Superseded(_logger);
                previous.Cancel();
            }

            _upload = running;
        }

        _runtime.Run("diagnostics upload", _ => UploadAsync(upload, running));
    }

    private static IOcppRequest Notification(DiagnosticsUpload upload, DiagnosticsStatus status) =>
        upload.Report?.Invoke(status) ?? new DiagnosticsStatusNotificationRequest { Status = status };

    private static string Describe(DateTimeOffset? time, string open) => time?.ToString("O", CultureInfo.InvariantCulture) ?? open;

    private static string SafeName(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    private async Task UploadAsync(DiagnosticsUpload upload, CancellationTokenSource running)
    {
        var cancellationToken = running.Token;
        try
        {
            _notifications.Enqueue(Notification(upload, DiagnosticsStatus.Uploading));
            if (await WriteArchiveAsync(upload, cancellationToken).ConfigureAwait(false) is { } unwritten)
            {
                DiagnosticsLog.UploadFailed(_logger, 0, unwritten);
                Finish(upload, running, DiagnosticsStatus.UploadFailed);
                return;
            }

            var outcome = await upload.Retry.RunAsync(
                ct => TryUploadAsync(upload, ct),
                (attempt, failure) => DiagnosticsLog.AttemptFailed(_logger, attempt, failure, upload.Retry.Interval.TotalSeconds),
                _runtime.Clock,
                cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { } failed)
            {
                DiagnosticsLog.UploadFailed(_logger, outcome.Attempts, failed);
                Finish(upload, running, DiagnosticsStatus.UploadFailed);
                return;
            }

            var location = UriText.Redact(upload.Location);
            DiagnosticsLog.Uploaded(_logger, upload.FileName, location);
            Finish(upload, running, DiagnosticsStatus.Uploaded);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Replaced by a newer request, or the station stops.
        }
        finally
        {
            Finish(upload, running, status: null);
            running.Dispose();
            Delete(upload.ArchivePath);
        }
    }

    // Ends the upload that owns `running` (unless a newer one replaced it) and reports how it ended.
    private void Finish(DiagnosticsUpload upload, CancellationTokenSource running, DiagnosticsStatus? status)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_upload, running))
            {
                return;
            }

            _upload = null;
            if (status is { } final)
            {
                _notifications.Enqueue(Notification(upload, final));
            }
        }
    }

    // Built here, in background work, not on the receive loop: the station answers other CALLs meanwhile.
    private async Task<string?> WriteArchiveAsync(DiagnosticsUpload upload, CancellationToken cancellationToken)
    {
        var from = Describe(upload.From, "the start");
        var to = Describe(upload.To, "now");
        try
        {
            var entries = await (upload.Archive ?? _archive)!.WriteArchiveAsync(upload.ArchivePath, upload.From, upload.To, cancellationToken).ConfigureAwait(false);
            DiagnosticsLog.Prepared(_logger, upload.FileName, entries, from, to);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DiagnosticsLog.ArchiveFailed(_logger, ex.Message);
            return $"the archive could not be written: {ex.Message}";
        }
    }

    private async Task<string?> TryUploadAsync(DiagnosticsUpload upload, CancellationToken cancellationToken)
    {
        if (_transfer is null)
        {
            return "this station has no file transfer";
        }

        try
        {
            await _transfer.UploadAsync(upload.ArchivePath, upload.Location, upload.FileName, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (FileTransferException ex)
        {
            return ex.Message;
        }
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover archive is overwritten by a request in the same second, else harmless.
        }
    }
}
