using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Connection;
using Station.Diagnostics;
using Station.FileTransfer;
using Station.Runtime;

namespace Station.Security.Logs;

/// <summary>
/// GetLog (whitepaper edition 3, §4.3): uploads the security log or the diagnostics log (the
/// station trace) of the requested window over ftp/http/https, with the requested retries, and
/// reports Uploading → Uploaded or UploadFailure with LogStatusNotification, durably like the
/// diagnostics notifications. The upload is the Diagnostics block's, in an instance of its own:
/// a GetLog replaces a log upload in progress (AcceptedCanceled), never a GetDiagnostics.
/// </summary>
public sealed class LogUploadService
{
    private readonly DiagnosticsService _uploads;
    private readonly IDiagnosticsArchive _securityLog;
    private readonly IDiagnosticsArchive? _diagnosticsLog;
    private readonly IReadOnlySet<string> _schemes;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private int? _requestId;

    internal LogUploadService(
        IDiagnosticsArchive securityLog,
        IDiagnosticsArchive? diagnosticsLog,
        IFileTransfer? transfer,
        IDurableQueue notifications,
        StationRuntime runtime,
        string chargePointId,
        string directory)
    {
        _securityLog = securityLog;
        _diagnosticsLog = diagnosticsLog;
        _schemes = new HashSet<string>(transfer?.Schemes ?? [], StringComparer.OrdinalIgnoreCase);
        _uploads = new DiagnosticsService(null, transfer, notifications, runtime, chargePointId, directory);
        _logger = runtime.LoggerFactory.CreateLogger("Station.Security.Logs");
    }

    /// <summary>What a triggered LogStatusNotification reports: Uploading with its requestId during an upload, else Idle.</summary>
    public LogStatusNotificationRequest Status()
    {
        lock (_gate)
        {
            return _uploads.Status == DiagnosticsStatus.Uploading
                ? new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Uploading, RequestId = _requestId }
                : new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Idle };
        }
    }

    /// <summary>
    /// Answers GetLog at once; returns the work that starts the upload once the answer has left,
    /// or null when rejected (a location that is no URL of a supported scheme, nothing in the window).
    /// </summary>
    public (GetLogResponse Answer, Action? Start) Accept(GetLogRequest request)
    {
        if (!Uri.TryCreate(request.Log.RemoteLocation, UriKind.Absolute, out var location) || !_schemes.Contains(location.Scheme))
        {
            LogsLog.Rejected(_logger, request.LogType, request.RequestId, $"not a location of a supported protocol ({string.Join(", ", _schemes)})");
            return (new GetLogResponse { Status = LogStatusEnumType.Rejected }, null);
        }

        if (request.Log.OldestTimestamp > request.Log.LatestTimestamp)
        {
            LogsLog.Rejected(_logger, request.LogType, request.RequestId, "oldestTimestamp is after latestTimestamp");
            return (new GetLogResponse { Status = LogStatusEnumType.Rejected }, null);
        }

        var (archive, kind) = request.LogType == LogEnumType.SecurityLog ? (_securityLog, "securitylog") : (_diagnosticsLog, "diagnosticslog");
        var prepared = _uploads.Prepare(archive, kind, location, request.Log.OldestTimestamp, request.Log.LatestTimestamp, request.Retries, request.RetryInterval);
        if (prepared is null)
        {
            LogsLog.Rejected(_logger, request.LogType, request.RequestId, "nothing to upload in the requested window");
            return (new GetLogResponse { Status = LogStatusEnumType.Rejected }, null);
        }

        var requestId = request.RequestId;
        var upload = prepared with
        {
            Report = status => new LogStatusNotificationRequest { Status = Wire(status), RequestId = requestId },
        };
        bool canceling;
        lock (_gate)
        {
            canceling = _uploads.Status == DiagnosticsStatus.Uploading;
        }

        if (canceling)
        {
            LogsLog.Canceling(_logger, requestId);
        }

        var redacted = UriText.Redact(location);
        LogsLog.Accepted(_logger, request.LogType, requestId, upload.FileName, redacted);
        var answer = new GetLogResponse { Status = canceling ? LogStatusEnumType.AcceptedCanceled : LogStatusEnumType.Accepted, Filename = upload.FileName };
        return (answer, () =>
        {
            lock (_gate)
            {
                _requestId = requestId;
                _uploads.StartUpload(upload);
            }
        });
    }

    private static UploadLogStatusEnumType Wire(DiagnosticsStatus status) => status switch
    {
        DiagnosticsStatus.Uploading => UploadLogStatusEnumType.Uploading,
        DiagnosticsStatus.Uploaded => UploadLogStatusEnumType.Uploaded,
        DiagnosticsStatus.UploadFailed => UploadLogStatusEnumType.UploadFailure,
        _ => UploadLogStatusEnumType.Idle,
    };
}
