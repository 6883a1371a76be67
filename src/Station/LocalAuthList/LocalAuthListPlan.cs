using System.Collections.Frozen;
using Ocpp16.Messages;

namespace Station.LocalAuthList;

/// <summary>
/// What a SendLocalList would do to the list: its answer and, when Accepted, the list after it and
/// what the store has to write. Nothing is applied by making a plan.
/// </summary>
/// <param name="Status">The answer.</param>
/// <param name="Reason">Why it is not Accepted (for the log), or empty.</param>
/// <param name="Result">The list after the update (Accepted only).</param>
/// <param name="Upserts">Entries to add or replace: every entry of a Full update.</param>
/// <param name="Removals">Identifiers to remove (Differential only).</param>
public sealed record LocalAuthListPlan(
    UpdateStatus Status, string Reason, LocalAuthListContents? Result, IReadOnlyList<LocalAuthListEntry> Upserts, IReadOnlyList<string> Removals)
{
    /// <summary>A refusal: nothing changes.</summary>
    public static LocalAuthListPlan Refuse(UpdateStatus status, string reason) => new(status, reason, null, [], []);

    /// <summary>
    /// Plans <paramref name="request"/> against <paramref name="current"/> (OCPP 1.6 §5.15, §7.43):
    /// <list type="bullet">
    /// <item>Differential whose listVersion is not above the current version: VersionMismatch;</item>
    /// <item>more entries than <paramref name="sendMax"/>, an idTag twice (case-insensitive), a
    /// negative listVersion, a non-empty list with version 0 (0 is the empty list's version), a
    /// result longer than <paramref name="listMax"/>: Failed;</item>
    /// <item>otherwise Accepted. A Differential entry without idTagInfo removes the idTag; a Full
    /// entry without idTagInfo puts nothing on the list. An empty result has version 0.</item>
    /// </list>
    /// </summary>
    public static LocalAuthListPlan For(LocalAuthListContents current, SendLocalListRequest request, int sendMax, int listMax)
    {
        var entries = request.LocalAuthorizationList ?? [];
        if (request.UpdateType == UpdateType.Differential && request.ListVersion <= current.Version)
        {
            return Refuse(UpdateStatus.VersionMismatch, $"a Differential update needs a listVersion above the current {current.Version}");
        }

        if (entries.Count > sendMax)
        {
            return Refuse(UpdateStatus.Failed, $"{entries.Count} entries where SendLocalListMaxLength allows {sendMax}");
        }

        if (entries.GroupBy(e => e.IdTag, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Refuse(UpdateStatus.Failed, $"idTag '{twice.Key}' appears {twice.Count()} times");
        }

        if (request.ListVersion < 0)
        {
            return Refuse(UpdateStatus.Failed, $"listVersion {request.ListVersion} is negative (-1 means no list support)");
        }

        var upserts = entries.Where(e => e.IdTagInfo is not null).Select(e => new LocalAuthListEntry(e.IdTag, e.IdTagInfo!)).ToList();
        var removals = request.UpdateType == UpdateType.Differential ? entries.Where(e => e.IdTagInfo is null).Select(e => e.IdTag).ToList() : [];
        var result = new Dictionary<string, IdTagInfo>(StringComparer.OrdinalIgnoreCase);
        if (request.UpdateType == UpdateType.Differential)
        {
            foreach (var (idTag, info) in current.Entries)
            {
                result[idTag] = info;
            }

            foreach (var idTag in removals)
            {
                result.Remove(idTag);
            }
        }

        foreach (var entry in upserts)
        {
            // The idTag is stored as this update spells it.
            result.Remove(entry.IdTag);
            result[entry.IdTag] = entry.Info;
        }

        if (result.Count > listMax)
        {
            return Refuse(UpdateStatus.Failed, $"the list would hold {result.Count} entries where LocalAuthListMaxLength allows {listMax}");
        }

        if (result.Count > 0 && request.ListVersion == 0)
        {
            return Refuse(UpdateStatus.Failed, "listVersion 0 is the version of an empty list");
        }

        var version = result.Count == 0 ? 0 : request.ListVersion;
        var contents = new LocalAuthListContents(version, result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
        return new LocalAuthListPlan(UpdateStatus.Accepted, string.Empty, contents, upserts, removals);
    }
}
