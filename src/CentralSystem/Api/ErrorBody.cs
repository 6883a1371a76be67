namespace CentralSystem.Api;

/// <summary>The body of every refusal: <c>{"error": "why"}</c>.</summary>
internal sealed record ErrorBody(string Error);
