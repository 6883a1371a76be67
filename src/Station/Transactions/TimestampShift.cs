using Ocpp16.Messages;

namespace Station.Transactions;

/// <summary>
/// Moves the times of a transaction message by a clock correction (pitfall 7): a message timed on
/// the station's own clock before it learnt the Central System's time says when things happened
/// in the Central System's time once it leaves.
/// </summary>
public static class TimestampShift
{
    /// <summary>The request with every timestamp moved by <paramref name="delta"/>; other requests unchanged.</summary>
    public static IOcppRequest Apply(IOcppRequest request, TimeSpan delta) => request switch
    {
        StartTransactionRequest start => start with { Timestamp = start.Timestamp + delta },
        StopTransactionRequest stop => stop with
        {
            Timestamp = stop.Timestamp + delta,
            TransactionData = stop.TransactionData is { } data ? [.. data.Select(v => Apply(v, delta))] : null,
        },
        MeterValuesRequest meterValues => meterValues with { MeterValue = [.. meterValues.MeterValue.Select(v => Apply(v, delta))] },
        _ => request,
    };

    /// <summary>The meter value timed <paramref name="delta"/> later.</summary>
    public static MeterValue Apply(MeterValue value, TimeSpan delta) => value with { Timestamp = value.Timestamp + delta };
}
