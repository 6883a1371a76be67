using Microsoft.Extensions.Logging;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>
/// How a handler answers a CALL naming a transactionId that may be one the station has just been given
/// (<see cref="IStartConfirmations"/>): under the station lock at once, unless the id is unknown while a
/// StartTransaction is being delivered; then it first waits for that delivery, bounded, outside the lock
/// the delivery needs to apply the id, and answers under the lock after it.
/// </summary>
internal static class StartConfirmationWait
{
    /// <summary>How long an answer may wait: a commit and the lock, normally a few milliseconds.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Answers with <paramref name="answer"/> under the station lock; <paramref name="unknownTransactionId"/>
    /// (also under the lock) names the id the request refers to when the station does not know it, else null.
    /// </summary>
    public static async ValueTask<TResponse> AnswerAsync<TResponse>(
        IStartConfirmations confirmations,
        StationRuntime runtime,
        ILogger logger,
        string action,
        Func<int?> unknownTransactionId,
        Func<TResponse> answer,
        CancellationToken cancellationToken)
    {
        var starting = confirmations.StartTransactionDelivered;
        int? unknown;
        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            unknown = starting.IsCompleted ? null : unknownTransactionId();
            if (unknown is null)
            {
                return answer();
            }
        }

        // The bound's timer is armed before the log line, so that whoever sees the line can let that time pass.
        var settled = starting.WaitAsync(Bound, runtime.Clock, cancellationToken);
        TransactionsLog.WaitsForStart(logger, action, unknown.Value);
        try
        {
            await settled.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still unanswered: the Central System cannot have meant that transaction's id.
        }

        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            return answer();
        }
    }
}
