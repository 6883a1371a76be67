using System.Net.Sockets;

namespace Station.FileTransfer;

/// <summary>Bounds one network step by a timeout and turns socket failures into one-line transfer errors.</summary>
internal static class Timed
{
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, ValueTask<T>> operation, TimeSpan timeout, TimeProvider timeProvider, string what, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await operation(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FileTransferException($"{what}: no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw new FileTransferException($"{what}: {ex.Message}", ex);
        }
    }

    public static Task RunAsync(Func<CancellationToken, ValueTask> operation, TimeSpan timeout, TimeProvider timeProvider, string what, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                await operation(token).ConfigureAwait(false);
                return true;
            },
            timeout,
            timeProvider,
            what,
            cancellationToken);
}
