using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>The verdict on a charging profile: Accepted, or Rejected with a one-line reason for the log.</summary>
public sealed record ProfileCheck
{
    private ProfileCheck(ChargingProfileStatus status, string? reason) => (Status, Reason) = (status, reason);

    /// <summary>The status to answer with.</summary>
    public ChargingProfileStatus Status { get; }

    /// <summary>Why the profile was rejected, naming the offending value; null when accepted.</summary>
    public string? Reason { get; }

    /// <summary>Whether the profile may be installed.</summary>
    public bool IsAccepted => Status == ChargingProfileStatus.Accepted;

    /// <summary>The profile may be installed.</summary>
    public static ProfileCheck Accepted { get; } = new(ChargingProfileStatus.Accepted, null);

    /// <summary>The profile is refused; nothing is installed.</summary>
    public static ProfileCheck Rejected(string reason) => new(ChargingProfileStatus.Rejected, reason);

    /// <inheritdoc/>
    public override string ToString() => Reason is null ? Status.ToString() : $"{Status}: {Reason}";
}
