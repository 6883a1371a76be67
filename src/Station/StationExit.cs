using Ocpp16.Messages;

namespace Station;

/// <summary>Why a station instance stopped running.</summary>
/// <param name="Reboot">The reset that asked for a reboot, or null when the station is not to run again by itself.</param>
/// <param name="PoweredDown">Whether it shut down on backup power after mains power failed.</param>
public sealed record StationExit(ResetType? Reboot, bool PoweredDown = false)
{
    /// <summary>Stopped by its host.</summary>
    public static StationExit Stopped { get; } = new((ResetType?)null);

    /// <summary>Shut down after mains power failed (AQ-7.1).</summary>
    public static StationExit PowerLost { get; } = new((ResetType?)null, PoweredDown: true);

    /// <summary>Why the station rebooted itself without a Reset (a firmware installation), or null.</summary>
    public string? RebootReason { get; init; }

    /// <summary>Whether the host starts the station again: after a Reset or a reboot of the station's own.</summary>
    public bool IsReboot => Reboot is not null || RebootReason is not null;

    /// <summary>A reboot the station asks for itself.</summary>
    /// <param name="reason">Why, for the host's log.</param>
    public static StationExit SelfReboot(string reason) => new((ResetType?)null) { RebootReason = reason };
}
