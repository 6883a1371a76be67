using Microsoft.Extensions.Logging;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>
/// The bounded wait of a handler whose transactionId is unknown while a StartTransaction is being
/// delivered (<see cref="IStartConfirmations"/>). It must run outside the station lock, which the
/// delivery needs to apply the id.
/// </summary>
internal static class StartConfirmationWait
{
    /// <summary>How long an answer may wait: a commit and the lock, normally a few milliseconds.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>Waits until <paramref name="starting"/> completes or <see cref="Bound"/> passes.</summary>
    public static async Task WaitAsync(Task starting, StationRuntime runtime, ILogger logger, string action, int transactionId, CancellationToken cancellationToken)
    {
        // The bound's timer is armed before the log line, so that whoever sees the line can let that time pass.
        var settled = starting.WaitAsync(Bound, runtime.Clock, cancellationToken);
        TransactionsLog.WaitsForStart(logger, action, transactionId);
        try
        {
            await settled.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still unanswered: the Central System cannot have meant that transaction's id.
        }
    }
}
