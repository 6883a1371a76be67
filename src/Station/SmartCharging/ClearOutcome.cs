using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>What a ClearChargingProfile does: the profiles that remain and the status to answer.</summary>
/// <param name="Profiles">The installed profiles afterwards.</param>
/// <param name="Status">Accepted when at least one profile was removed, Unknown when nothing matched (§6.14, §7.21).</param>
/// <param name="Removed">The profiles removed.</param>
public sealed record ClearOutcome(InstalledProfileSet Profiles, ClearChargingProfileStatus Status, IReadOnlyList<InstalledProfile> Removed);
