using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Diagnostics;

/// <summary>
/// Answers GetDiagnostics (§5.9) with the name of the archive it built, or without a name when
/// there is nothing to upload, and starts the upload once the answer has left.
/// </summary>
internal sealed class GetDiagnosticsHandler(DiagnosticsService diagnostics) : IOcppHandler<GetDiagnosticsRequest, GetDiagnosticsResponse>
{
    public async ValueTask<GetDiagnosticsResponse> HandleAsync(GetDiagnosticsRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (await diagnostics.PrepareAsync(request, cancellationToken).ConfigureAwait(false) is not { } upload)
        {
            return new GetDiagnosticsResponse();
        }

        // TC_045_1: Uploading follows the GetDiagnostics.conf that names the file.
        context.AfterResponse(_ =>
        {
            diagnostics.StartUpload(upload);
            return Task.CompletedTask;
        });
        return new GetDiagnosticsResponse { FileName = upload.FileName };
    }
}
