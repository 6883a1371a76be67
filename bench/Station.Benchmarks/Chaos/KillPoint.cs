namespace Station.Benchmarks.Chaos;

/// <summary>Where one station process is killed.</summary>
internal abstract record KillPoint
{
    /// <summary>How the point is named in the figures (its kind, without the random details).</summary>
    public abstract string Kind { get; }

    /// <summary>kill -9 at a random moment after the boot.</summary>
    public sealed record AtRandomTime(TimeSpan AfterBoot) : KillPoint
    {
        public override string Kind => "random time";

        public override string ToString() => $"random time, {AfterBoot.TotalSeconds:0.00} s after the boot";
    }

    /// <summary>The process kills itself before or after the n-th call of a transaction store method (OCPP_STATION_KILL_AT).</summary>
    public sealed record AroundCommit(string Value) : KillPoint
    {
        public override string Kind => $"{Value[..Value.LastIndexOf(':')]} commit";

        public override string ToString() => $"{Value} (OCPP_STATION_KILL_AT)";
    }

    /// <summary>kill -9 as soon as the Central System's record shows the n-th CALL of an action: between send and answer.</summary>
    public sealed record BetweenSendAndAnswer(string Action, int Occurrence) : KillPoint
    {
        public override string Kind => $"{Action} sent, not answered";

        public override string ToString() => $"{Action} #{Occurrence} seen by the Central System";
    }
}
