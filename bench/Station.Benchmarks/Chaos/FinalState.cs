namespace Station.Benchmarks.Chaos;

/// <summary>The clean last process: what was still queued when the run ended (the station's own count, shown beside the record's figures).</summary>
internal sealed record FinalState(int Queued, int DeadLetters, double DrainSeconds);
