using Ocpp16.Messages;

namespace Station;

/// <summary>Why a station instance stopped running.</summary>
/// <param name="Reboot">The reset that asked for a reboot, or null for a plain stop.</param>
public sealed record StationExit(ResetType? Reboot)
{
    /// <summary>Stopped by its host.</summary>
    public static StationExit Stopped { get; } = new((ResetType?)null);
}
