using System.Diagnostics.CodeAnalysis;
using Ocpp16.Json;
using Ocpp16.Messages;

namespace CentralSystem.Api;

/// <summary>
/// Converts between <see cref="AnswerSettings"/> and its JSON document, refusing a bad value
/// with its JSON path and the values that would do:
/// <c>{"bootNotification": {"status": "Accepted", "interval": 60}, "idTags": {"BLOCKED1": "Blocked"},
/// "startTransaction": {"idTags": {"BUSY1": "ConcurrentTx"}}, "parentIdTags": {"CARD1": "FLEET1"}}</c>.
/// </summary>
internal static class AnswersDocument
{
    private static readonly string RegistrationStatuses = string.Join(", ", Enum.GetValues<RegistrationStatus>().Select(OcppEnum.WireName));
    private static readonly string AuthorizationStatuses = string.Join(", ", Enum.GetValues<AuthorizationStatus>().Select(OcppEnum.WireName));

    public static AnswersBody ToBody(AnswerSettings settings) => new(
        new BootAnswerBody(OcppEnum.WireName(settings.BootStatus), settings.HeartbeatInterval),
        Statuses(settings.IdTagStatuses),
        new StartTransactionAnswerBody(Statuses(settings.StartTransactionStatuses)),
        settings.ParentIdTags.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));

    /// <summary>The settings <paramref name="current"/> becomes with the sections of <paramref name="body"/>; false with the first problem.</summary>
    public static bool TryApply(AnswerSettings current, AnswersBody body, [NotNullWhen(true)] out AnswerSettings? result, [NotNullWhen(false)] out string? problem)
    {
        (result, problem) = (null, null);
        var settings = current;
        if (body.BootNotification is { } boot)
        {
            if (boot.Status is { } statusText)
            {
                if (!OcppEnum.TryParse<RegistrationStatus>(statusText, out var status))
                {
                    problem = $"bootNotification.status '{statusText}' is not a RegistrationStatus ({RegistrationStatuses})";
                    return false;
                }

                settings = settings with { BootStatus = status };
            }

            settings = boot.Interval is { } interval ? settings with { HeartbeatInterval = interval } : settings;
        }

        if (body.IdTags is { } idTags)
        {
            if (!TryParseStatuses(idTags, "idTags", out var statuses, out problem))
            {
                return false;
            }

            settings = settings with { IdTagStatuses = statuses };
        }

        if (body.StartTransaction?.IdTags is { } startIdTags)
        {
            if (!TryParseStatuses(startIdTags, "startTransaction.idTags", out var statuses, out problem))
            {
                return false;
            }

            settings = settings with { StartTransactionStatuses = statuses };
        }

        settings = body.ParentIdTags is { } parents ? settings with { ParentIdTags = parents } : settings;
        if (settings.FindProblem() is { } found)
        {
            problem = $"{JsonPath(found.Setting)} {found.Problem}";
            return false;
        }

        result = settings;
        return true;
    }

    private static bool TryParseStatuses(
        IReadOnlyDictionary<string, string> idTags, string path, [NotNullWhen(true)] out Dictionary<string, AuthorizationStatus>? statuses, [NotNullWhen(false)] out string? problem)
    {
        (statuses, problem) = (new Dictionary<string, AuthorizationStatus>(StringComparer.Ordinal), null);
        foreach (var (idTag, text) in idTags)
        {
            if (!OcppEnum.TryParse<AuthorizationStatus>(text, out var status))
            {
                (statuses, problem) = (null, $"{path}.{idTag} '{text}' is not an AuthorizationStatus ({AuthorizationStatuses})");
                return false;
            }

            statuses[idTag] = status;
        }

        return true;
    }

    private static Dictionary<string, string> Statuses(IReadOnlyDictionary<string, AuthorizationStatus> statuses) =>
        statuses.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(pair => pair.Key, pair => OcppEnum.WireName(pair.Value), StringComparer.Ordinal);

    private static string JsonPath(string setting) => setting switch
    {
        nameof(AnswerSettings.BootStatus) => "bootNotification.status",
        nameof(AnswerSettings.HeartbeatInterval) => "bootNotification.interval",
        nameof(AnswerSettings.IdTagStatuses) => "idTags",
        nameof(AnswerSettings.StartTransactionStatuses) => "startTransaction.idTags",
        nameof(AnswerSettings.ParentIdTags) => "parentIdTags",
        _ => setting,
    };
}
