using Microsoft.Extensions.Logging;

namespace Station.Diagnostics;

/// <summary>Log events of the diagnostics block (event ids 2750–2799).</summary>
internal static partial class DiagnosticsLog
{
    [LoggerMessage(EventId = 2750, Level = LogLevel.Information, Message = "Diagnostics {FileName} prepared: {Entries} entries from {From} to {To}")]
    public static partial void Prepared(ILogger logger, string fileName, int entries, string from, string to);

    [LoggerMessage(EventId = 2751, Level = LogLevel.Information, Message = "GetDiagnostics: nothing to upload from {From} to {To}")]
    public static partial void NothingToUpload(ILogger logger, string from, string to);

    [LoggerMessage(EventId = 2752, Level = LogLevel.Warning, Message = "GetDiagnostics: the archive could not be written: {Reason}")]
    public static partial void ArchiveFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2753, Level = LogLevel.Information, Message = "Diagnostics {FileName} uploaded to {Location}")]
    public static partial void Uploaded(ILogger logger, string fileName, string location);

    [LoggerMessage(EventId = 2754, Level = LogLevel.Warning, Message = "Diagnostics upload attempt {Attempt} failed: {Reason}; retrying in {Seconds} s")]
    public static partial void AttemptFailed(ILogger logger, int attempt, string reason, double seconds);

    [LoggerMessage(EventId = 2755, Level = LogLevel.Warning, Message = "Diagnostics upload failed after {Attempts} attempt(s): {Reason}")]
    public static partial void UploadFailed(ILogger logger, int attempts, string reason);

    [LoggerMessage(EventId = 2756, Level = LogLevel.Information, Message = "A new GetDiagnostics replaces the upload in progress")]
    public static partial void Superseded(ILogger logger);

    [LoggerMessage(EventId = 2757, Level = LogLevel.Information, Message = "GetDiagnostics: this station keeps no trace; nothing to upload")]
    public static partial void NoTrace(ILogger logger);
}
