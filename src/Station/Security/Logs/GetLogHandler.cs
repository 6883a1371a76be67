using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Security.Logs;

/// <summary>
/// Answers GetLog with the name of the archive (Accepted, or AcceptedCanceled when it replaces a log
/// upload in progress) or Rejected; the archive is built and uploaded after the answer, so
/// LogStatusNotification Uploading follows the GetLog.conf (TC_079).
/// </summary>
internal sealed class GetLogHandler(LogUploadService logs) : IStationHandler<GetLogRequest, GetLogResponse>
{
    // Log uploads touch no block state: the handler runs beside the lock, as GetDiagnostics does.
    public HandlerLock Lock => HandlerLock.None;

    public ValueTask<GetLogResponse> HandleAsync(GetLogRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var (answer, start) = logs.Accept(request);
        if (start is not null)
        {
            context.AfterResponse(_ =>
            {
                start();
                return Task.CompletedTask;
            });
        }

        return ValueTask.FromResult(answer);
    }
}
