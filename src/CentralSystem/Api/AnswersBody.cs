namespace CentralSystem.Api;

/// <summary>
/// The default answers as a JSON document (<c>GET</c>/<c>PUT /answers</c>). Statuses are OCPP
/// wire names, kept as text here so that a wrong one is refused with the list of right ones.
/// A <c>PUT</c> replaces the sections it carries and leaves the others as they are.
/// </summary>
internal sealed record AnswersBody(
    BootAnswerBody? BootNotification,
    IReadOnlyDictionary<string, string>? IdTags,
    StartTransactionAnswerBody? StartTransaction,
    IReadOnlyDictionary<string, string>? ParentIdTags);
