using System.Globalization;
using Station.Transactions;

namespace Station.Host.Run.FaultInjection;

/// <summary>
/// A test hook, off unless <see cref="EnvironmentVariable"/> is set: the moment the <c>run</c>
/// process kills itself with SIGKILL, right before or right after the n-th call of one method of
/// the transaction store, so that a crash-consistency run (the chaos benchmark) can cut the power
/// exactly around a commit instead of at a random time. Written <c>before:End</c>,
/// <c>after:Complete:3</c> (position, <see cref="ITransactionStore"/> method, occurrence from 1).
/// </summary>
internal sealed record StoreKillPoint(bool Before, string Method, int Occurrence)
{
    /// <summary>The variable the host reads at start; unset or empty leaves the store as it is.</summary>
    public const string EnvironmentVariable = "OCPP_STATION_KILL_AT";

    /// <summary>
    /// The store methods that write, the only ones a kill around a commit means anything for, named
    /// without their Async suffix (kill points were written so before the writes became asynchronous).
    /// </summary>
    public static readonly IReadOnlyList<string> Methods =
    [
        .. new[]
        {
            nameof(ITransactionStore.BeginAsync),
            nameof(ITransactionStore.RecordSampleAsync),
            nameof(ITransactionStore.RecordRegisterAsync),
            nameof(ITransactionStore.SetTransactionIdAsync),
            nameof(ITransactionStore.EndAsync),
            nameof(ITransactionStore.ShiftUnsent),
            nameof(ITransactionStore.EnqueueAsync),
            nameof(ITransactionStore.CompleteAsync),
            nameof(ITransactionStore.RecordAttemptAsync),
            nameof(ITransactionStore.AbandonAsync),
            nameof(ITransactionStore.AbandonTransactionAsync),
        }.Select(ShortName),
    ];

    /// <summary>A store method's name as a kill point writes it: without the Async suffix.</summary>
    public static string ShortName(string method) => method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method;

    /// <summary>The kill point the environment asks for, or null when the hook is off.</summary>
    /// <exception cref="UsageException">The variable is set to something that is not a kill point.</exception>
    public static StoreKillPoint? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } text ? Parse(text) : null;

    /// <summary>Reads <c>before|after:Method[:n]</c>.</summary>
    /// <exception cref="UsageException">With a one-line reason naming the value.</exception>
    public static StoreKillPoint Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0] is not ("before" or "after"))
        {
            throw new UsageException($"{EnvironmentVariable} '{text}' is not a kill point like before:End or after:Complete:3");
        }

        if (!Methods.Contains(parts[1], StringComparer.Ordinal))
        {
            throw new UsageException($"{EnvironmentVariable} '{text}': '{parts[1]}' is not a writing transaction store method ({string.Join(", ", Methods)})");
        }

        var occurrence = 1;
        if (parts.Length == 3 && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out occurrence) || occurrence < 1))
        {
            throw new UsageException($"{EnvironmentVariable} '{text}': occurrence '{parts[2]}' is not a whole number from 1");
        }

        return new StoreKillPoint(parts[0] == "before", parts[1], occurrence);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{(Before ? "before" : "after")}:{Method}:{Occurrence}";
}
