namespace Station.Configuration;

/// <summary>A station model or configuration file that cannot be used; the message is one line naming the offending value.</summary>
public sealed class ModelException(string message) : Exception(message);
