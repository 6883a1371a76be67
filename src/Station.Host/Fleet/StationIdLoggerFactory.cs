using Microsoft.Extensions.Logging;

namespace Station.Host.Fleet;

/// <summary>
/// The loggers of one station of a fleet: the fleet's loggers (one per category, shared by every
/// station), with the charge point id in front of every message, so each line of thirty thousand
/// stations says whose it is without a logger per station and category.
/// </summary>
internal sealed class StationIdLoggerFactory(ILoggerFactory inner, string chargePointId) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StationIdLogger(inner.CreateLogger(categoryName), chargePointId);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the fleet's logging is configured once, for every station");

    // The fleet owns the inner factory.
    public void Dispose()
    {
    }
}
