using System.Collections.Frozen;
using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>
/// What the default answers say, changeable while the server runs
/// (<see cref="CentralSystemServer.SetAnswers"/>): the BootNotification status and interval, and
/// the status of particular idTags. Overrides set with <c>Handle</c> win over these.
/// Immutable; idTags are compared case-insensitively (idTag is a CiString, OCPP 1.6 §7.15).
/// </summary>
public sealed record AnswerSettings
{
    private static readonly IReadOnlyDictionary<string, AuthorizationStatus> NoStatuses = FrozenDictionary<string, AuthorizationStatus>.Empty;

    /// <summary>The <c>status</c> of the BootNotification answer; Pending and Rejected make the station retry after <see cref="HeartbeatInterval"/>.</summary>
    public RegistrationStatus BootStatus { get; init; } = RegistrationStatus.Accepted;

    /// <summary>
    /// The <c>interval</c> of the BootNotification answer in seconds: the heartbeat interval when
    /// Accepted, the retry wait when Pending or Rejected (OCPP 1.6 §4.2); 0 lets the station choose.
    /// </summary>
    public int HeartbeatInterval { get; init; } = 60;

    /// <summary>The status Authorize, StartTransaction and StopTransaction give these idTags; every other one is Accepted.</summary>
    public IReadOnlyDictionary<string, AuthorizationStatus> IdTagStatuses { get; init; } = NoStatuses;

    /// <summary>The status StartTransaction alone gives these idTags (e.g. ConcurrentTx); it wins over <see cref="IdTagStatuses"/>.</summary>
    public IReadOnlyDictionary<string, AuthorizationStatus> StartTransactionStatuses { get; init; } = NoStatuses;

    /// <summary>The <c>parentIdTag</c> the answers give an idTag.</summary>
    public IReadOnlyDictionary<string, string> ParentIdTags { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The settings the server starts with: its options' heartbeat interval, denied (Invalid) idTags and parents.</summary>
    public static AnswerSettings From(CentralSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AnswerSettings
        {
            HeartbeatInterval = options.HeartbeatInterval,
            IdTagStatuses = options.DeniedIdTags.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(idTag => idTag, _ => AuthorizationStatus.Invalid),
            ParentIdTags = options.ParentIdTags,
        };
    }

    /// <summary>Fails with an <see cref="ArgumentException"/> naming the setting and the offending value.</summary>
    public AnswerSettings Validate() =>
        FindProblem() is { } found ? throw new ArgumentException($"AnswerSettings.{found.Setting} {found.Problem}", found.Setting) : this;

    /// <summary>The first setting that cannot be answered with, by its property name, and why; null when all can.</summary>
    internal (string Setting, string Problem)? FindProblem()
    {
        if (!Enum.IsDefined(BootStatus))
        {
            return (nameof(BootStatus), $"{(int)BootStatus} is not a RegistrationStatus");
        }

        if (HeartbeatInterval < 0)
        {
            return (nameof(HeartbeatInterval), $"{HeartbeatInterval} is negative; give seconds, or 0 to let the station choose");
        }

        if (StatusProblem(IdTagStatuses) is { } idTags)
        {
            return (nameof(IdTagStatuses), idTags);
        }

        if (StatusProblem(StartTransactionStatuses) is { } starts)
        {
            return (nameof(StartTransactionStatuses), starts);
        }

        foreach (var (idTag, parent) in ParentIdTags)
        {
            if (!IsIdTag(idTag) || !IsIdTag(parent))
            {
                return (nameof(ParentIdTags), $"maps '{idTag}' to '{parent}'; both must be idTags of 1 to 20 characters");
            }
        }

        return DuplicateProblem(ParentIdTags.Keys) is { } parents ? (nameof(ParentIdTags), parents) : null;
    }

    /// <summary>A copy with case-insensitive, read-only maps: the server reads them from every connection's thread.</summary>
    internal AnswerSettings Frozen() => this with
    {
        IdTagStatuses = IdTagStatuses.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        StartTransactionStatuses = StartTransactionStatuses.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        ParentIdTags = ParentIdTags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
    };

    private static string? StatusProblem(IReadOnlyDictionary<string, AuthorizationStatus> statuses)
    {
        foreach (var (idTag, status) in statuses)
        {
            // idTag is CiString20 (OCPP 1.6 §7.15): a longer one can never be presented.
            if (!IsIdTag(idTag))
            {
                return $"holds '{idTag}', which is not an idTag of 1 to 20 characters";
            }

            if (!Enum.IsDefined(status))
            {
                return $"gives '{idTag}' the status {(int)status}, which is not an AuthorizationStatus";
            }
        }

        return DuplicateProblem(statuses.Keys);
    }

    private static string? DuplicateProblem(IEnumerable<string> idTags) =>
        idTags.GroupBy(idTag => idTag, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } duplicate
            ? $"has idTags that differ only in case ({string.Join(", ", duplicate)}); idTags are case-insensitive"
            : null;

    private static bool IsIdTag(string? idTag) => !string.IsNullOrEmpty(idTag) && idTag.Length <= 20;
}
