namespace Station.Benchmarks.EndToEnd;

/// <summary>The run itself went wrong (an unexpected answer, a timeout): its figures would mean nothing.</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);
