namespace CentralSystem.Api;

/// <summary>The StartTransaction answer: the status of particular idTags, for StartTransaction only (e.g. ConcurrentTx).</summary>
internal sealed record StartTransactionAnswerBody(IReadOnlyDictionary<string, string>? IdTags);
