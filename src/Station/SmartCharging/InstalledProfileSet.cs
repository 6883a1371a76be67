using System.Collections;
using System.Collections.Immutable;
using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>
/// The charging profiles installed on a station, as an immutable value: every change returns a new
/// set, so the owner can persist it and swap it in one step. Order is installation order.
/// </summary>
public sealed class InstalledProfileSet : IReadOnlyCollection<InstalledProfile>
{
    private readonly ImmutableArray<InstalledProfile> _profiles;

    private InstalledProfileSet(ImmutableArray<InstalledProfile> profiles) => _profiles = profiles;

    /// <summary>No profile installed.</summary>
    public static InstalledProfileSet Empty { get; } = new([]);

    /// <summary>A set rebuilt from storage: each profile installed in turn, so the replacement rules hold.</summary>
    public static InstalledProfileSet From(IEnumerable<InstalledProfile> profiles) =>
        profiles.Aggregate(Empty, (set, p) => set.Install(p.ConnectorId, p.Profile));

    /// <inheritdoc/>
    public int Count => _profiles.Length;

    /// <summary>
    /// The set with <paramref name="profile"/> installed on <paramref name="connectorId"/>. It replaces
    /// (§5.16.3, §5.16.4) a profile with the same chargingProfileId wherever that was installed, and
    /// a profile with the same stackLevel and purpose (§3.13.2) on the same connector: errata v4 and
    /// §3.13.1 let a TxDefaultProfile on connector 0 and one on connector n at the same stack level
    /// live side by side, the connector's own taking precedence there.
    /// </summary>
    public InstalledProfileSet Install(int connectorId, ChargingProfile profile) =>
        new(_profiles.RemoveAll(p => IsReplacedBy(p, connectorId, profile)).Add(new InstalledProfile(connectorId, profile)));

    /// <summary>How many profiles there would be after installing <paramref name="profile"/> (MaxChargingProfilesInstalled).</summary>
    public int CountAfterInstall(int connectorId, ChargingProfile profile) =>
        _profiles.Count(p => !IsReplacedBy(p, connectorId, profile)) + 1;

    /// <summary>
    /// ClearChargingProfile (§5.5, §6.13): with an id, the profile with that id (the id is unique, so
    /// the other fields are not consulted); otherwise every profile matching all the fields given
    /// (connectorId 0 means the profiles installed on connector 0; no field at all clears everything).
    /// </summary>
    public ClearOutcome Clear(ClearChargingProfileRequest request)
    {
        Func<InstalledProfile, bool> matches = request.Id is { } id
            ? p => p.Profile.ChargingProfileId == id
            : p => (request.ConnectorId is not { } c || p.ConnectorId == c)
                   && (request.ChargingProfilePurpose is not { } purpose || p.Purpose == purpose)
                   && (request.StackLevel is not { } level || p.StackLevel == level);
        var removed = _profiles.Where(matches).ToImmutableArray();
        return removed.IsEmpty
            ? new ClearOutcome(this, ClearChargingProfileStatus.Unknown, removed)
            : new ClearOutcome(new InstalledProfileSet(_profiles.RemoveAll(p => matches(p))), ClearChargingProfileStatus.Accepted, removed);
    }

    /// <summary>
    /// The set without the TxProfiles of the transaction that just ended on <paramref name="connectorId"/>
    /// (§3.13.1: "After the transaction is stopped, the profile SHOULD be deleted"). Every TxProfile on
    /// a connector belongs to its current transaction: validation refuses any other.
    /// </summary>
    public InstalledProfileSet EndTransaction(int connectorId)
    {
        var remaining = _profiles.RemoveAll(p => p.ConnectorId == connectorId && p.Purpose == ChargingProfilePurposeType.TxProfile);
        return remaining.Length == _profiles.Length ? this : new InstalledProfileSet(remaining);
    }

    /// <inheritdoc/>
    public IEnumerator<InstalledProfile> GetEnumerator() => ((IEnumerable<InstalledProfile>)_profiles).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool IsReplacedBy(InstalledProfile existing, int connectorId, ChargingProfile profile) =>
        existing.Profile.ChargingProfileId == profile.ChargingProfileId
        || (existing.ConnectorId == connectorId
            && existing.StackLevel == profile.StackLevel
            && existing.Purpose == profile.ChargingProfilePurpose);
}
