namespace Station.Benchmarks.Chaos;

/// <summary>
/// Draws the kill point of each station process from a seeded random source: a third at random
/// times, a third around a commit of each writing step of a transaction (before and after), a third
/// between a transaction message leaving and its answer being read.
/// </summary>
internal sealed class KillPlanner(Random random)
{
    // The store calls of a charging session: journal the start, each reading, the stop, each delivery.
    private static readonly (string Method, int MaxOccurrence)[] Commits =
    [
        ("Begin", 2),
        ("RecordSample", 6),
        ("End", 2),
        ("Complete", 10),
    ];

    private static readonly (string Action, int MaxOccurrence)[] Calls =
    [
        ("StartTransaction", 2),
        ("MeterValues", 6),
        ("StopTransaction", 2),
    ];

    public KillPoint Next()
    {
        switch (random.Next(3))
        {
            case 0:
                return new KillPoint.AtRandomTime(TimeSpan.FromSeconds(0.05 + (random.NextDouble() * 6)));
            case 1:
                var (method, max) = Commits[random.Next(Commits.Length)];
                var position = random.Next(2) == 0 ? "before" : "after";
                return new KillPoint.AroundCommit($"{position}:{method}:{1 + random.Next(max)}");
            default:
                var (action, most) = Calls[random.Next(Calls.Length)];
                return new KillPoint.BetweenSendAndAnswer(action, 1 + random.Next(most));
        }
    }
}
