using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Diagnostics;

/// <summary>
/// Answers GetDiagnostics (§5.9) with the name of the archive, or without a name when there is
/// nothing to upload; the archive is built and uploaded once the answer has left, in background
/// work, so the receive loop keeps answering meanwhile.
/// </summary>
internal sealed class GetDiagnosticsHandler(DiagnosticsService diagnostics) : IStationHandler<GetDiagnosticsRequest, GetDiagnosticsResponse>
{
    // Diagnostics touch no block state: the handler runs beside the lock, the archive after the answer.
    public HandlerLock Lock => HandlerLock.None;

    public ValueTask<GetDiagnosticsResponse> HandleAsync(GetDiagnosticsRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (diagnostics.Prepare(request) is not { } upload)
        {
            return ValueTask.FromResult(new GetDiagnosticsResponse());
        }

        // TC_045_1: Uploading follows the GetDiagnostics.conf that names the file.
        context.AfterResponse(_ =>
        {
            diagnostics.StartUpload(upload);
            return Task.CompletedTask;
        });
        return ValueTask.FromResult(new GetDiagnosticsResponse { FileName = upload.FileName });
    }
}
