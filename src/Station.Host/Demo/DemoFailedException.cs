namespace Station.Host.Demo;

/// <summary>A step of the demo did not happen in time, or the station or Central System refused it; the message is one line.</summary>
public sealed class DemoFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
