namespace Station.Benchmarks.Chaos;

/// <summary>
/// The checks of a chaos run, derived from the Central System's record and the driver's own account
/// of what it asked for; each list holds one line per failure, so an empty list is a pass.
/// </summary>
internal sealed class ChaosVerdict
{
    /// <summary>A periodic MeterValues gap longer than this (the interval is 1 s) means a sample went missing.</summary>
    public static readonly TimeSpan SampleGapLimit = TimeSpan.FromSeconds(3.5);

    public required TransactionLedger Ledger { get; init; }

    public List<string> StartsWithoutStop { get; } = [];

    public List<string> StartsWithSeveralStops { get; } = [];

    public List<string> StaleStopIds { get; } = [];

    public List<string> SessionsChargingWithoutStart { get; } = [];

    public List<string> SessionsWithSeveralStarts { get; } = [];

    public List<string> WrongReasons { get; } = [];

    public List<string> SampleGaps { get; } = [];

    public List<string> EnergyBackwards { get; } = [];

    public TimeSpan LongestSampleGap { get; private set; }

    /// <summary>Sessions whose transaction was running when the kill came (no stop asked for yet), and how many of those ended PowerLoss.</summary>
    public int KillsIntoRunningTransactions { get; private set; }

    public int ThoseStoppedPowerLoss { get; private set; }

    public int LostMessages => StartsWithoutStop.Count + SessionsChargingWithoutStart.Count + WrongReasons.Count(w => w.Contains("acknowledged", StringComparison.Ordinal))
        + SampleGaps.Count + Ledger.OrphanStops.Count + Ledger.OrphanMeterValues;

    public bool Passed(int queuedAtEnd, int deadLetters) =>
        LostMessages == 0 && queuedAtEnd == 0 && deadLetters == 0 && StartsWithSeveralStops.Count == 0 && StaleStopIds.Count == 0
        && SessionsWithSeveralStarts.Count == 0 && WrongReasons.Count == 0 && EnergyBackwards.Count == 0
        && Ledger.UnexpectedDuplicates.Count == 0 && Ledger.CallErrors == 0;

    public static ChaosVerdict Of(TransactionLedger ledger, IReadOnlyList<DriverSession> sessions)
    {
        var verdict = new ChaosVerdict { Ledger = ledger };
        foreach (var transaction in ledger.Transactions)
        {
            verdict.CheckStops(transaction);
            verdict.CheckSamples(transaction);
        }

        verdict.CheckSessions(ledger, sessions);
        verdict.CheckEnergy(ledger);
        return verdict;
    }

    private void CheckStops(LogicalTransaction transaction)
    {
        var name = $"{transaction.IdTag} (transactionIds {string.Join(", ", transaction.AssignedIds)})";
        switch (transaction.ConfirmedStops.Count)
        {
            case 0:
                StartsWithoutStop.Add($"{name}: no confirmed StopTransaction");
                return;
            case > 1:
                StartsWithSeveralStops.Add($"{name}: {string.Join("; ", transaction.ConfirmedStops.Select(s => $"{s.Reason} at {s.Timestamp:O}"))}");
                break;
        }

        // The station keeps the id of the last StartTransaction answer it read: the last one given.
        if (transaction.AssignedIds.Count > 0 && transaction.ConfirmedStops[0].TransactionId != transaction.AssignedIds[^1])
        {
            StaleStopIds.Add($"{name}: stopped as {transaction.ConfirmedStops[0].TransactionId}");
        }
    }

    private void CheckSamples(LogicalTransaction transaction)
    {
        if (transaction.ConfirmedStops.Count == 0)
        {
            return;
        }

        var points = new List<DateTimeOffset> { transaction.StartedAt };
        points.AddRange(transaction.Samples);
        points.Add(transaction.ConfirmedStops[0].Timestamp);
        for (var i = 1; i < points.Count; i++)
        {
            var gap = points[i] - points[i - 1];
            LongestSampleGap = gap > LongestSampleGap ? gap : LongestSampleGap;
            if (gap > SampleGapLimit)
            {
                SampleGaps.Add($"{transaction.IdTag}: no periodic MeterValues from {points[i - 1]:O} to {points[i]:O}");
            }
        }
    }

    private void CheckSessions(TransactionLedger ledger, IReadOnlyList<DriverSession> sessions)
    {
        var byIdTag = ledger.Transactions.ToLookup(t => t.IdTag, StringComparer.OrdinalIgnoreCase);
        foreach (var session in sessions)
        {
            var transactions = byIdTag[session.IdTag].ToList();
            if (transactions.Count == 0)
            {
                if (session.ChargingSeenAt is not null)
                {
                    SessionsChargingWithoutStart.Add($"{session.IdTag} (process {session.Instance}): the station showed it charging, the Central System never got its StartTransaction");
                }

                continue;
            }

            if (transactions.Count > 1)
            {
                SessionsWithSeveralStarts.Add($"{session.IdTag} (process {session.Instance}): {transactions.Count} different StartTransaction payloads");
                continue;
            }

            if (transactions[0].ConfirmedStops.FirstOrDefault() is not { } stop)
            {
                continue;
            }

            if (session.StopRequestedAt is null)
            {
                KillsIntoRunningTransactions++;
                ThoseStoppedPowerLoss += stop.Reason == "PowerLoss" ? 1 : 0;
            }

            if (session.ExpectedReason is { } expected && stop.Reason != expected)
            {
                var why = session.StopAcknowledgedAt is not null ? $"its {session.Stop} was acknowledged before the kill" : "the kill came before any stop was asked for";
                WrongReasons.Add($"{session.IdTag} (process {session.Instance}): stopped {stop.Reason}, expected {expected}: {why}");
            }
        }
    }

    private void CheckEnergy(TransactionLedger ledger)
    {
        foreach (var connector in ledger.Energy.GroupBy(e => e.ConnectorId))
        {
            EnergyReading? previous = null;
            foreach (var reading in connector.Distinct().OrderBy(e => e.At).ThenBy(e => e.Wh))
            {
                if (previous is not null && reading.Wh < previous.Wh)
                {
                    EnergyBackwards.Add($"connector {connector.Key}: {previous.Wh} Wh ({previous.Source}) at {previous.At:O}, then {reading.Wh} Wh ({reading.Source}) at {reading.At:O}");
                }

                previous = reading;
            }
        }
    }
}
