using Microsoft.Extensions.Logging;

namespace Station.Host.Fleet;

/// <summary>Log events of the fleet (event ids 3060–3069, in the host's range).</summary>
internal static partial class FleetLog
{
    [LoggerMessage(EventId = 3060, Level = LogLevel.Information, Message = "Chaos: {ChargePointId} loses its network for {Seconds:0.0} s")]
    public static partial void NetworkDropped(ILogger logger, string chargePointId, double seconds);

    [LoggerMessage(EventId = 3061, Level = LogLevel.Information, Message = "Chaos: {ChargePointId} loses its power for {Seconds:0.0} s")]
    public static partial void PowerLost(ILogger logger, string chargePointId, double seconds);

    [LoggerMessage(EventId = 3062, Level = LogLevel.Information, Message = "Chaos: {ChargePointId} has its {What} back")]
    public static partial void Restored(ILogger logger, string chargePointId, string what);
}
