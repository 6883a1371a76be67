namespace Station.Host;

/// <summary>A bad option or file: the command prints the one-line message and exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
