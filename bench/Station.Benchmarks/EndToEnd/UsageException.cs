namespace Station.Benchmarks.EndToEnd;

/// <summary>A bad command-line argument; the program prints it with the usage and exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);
