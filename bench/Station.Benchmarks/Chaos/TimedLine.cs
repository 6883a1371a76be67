namespace Station.Benchmarks.Chaos;

/// <summary>A line a child process printed, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp it was read at.</summary>
internal sealed record TimedLine(long At, string Text);
