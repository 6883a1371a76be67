namespace CentralSystem.Api;

/// <summary>A request the Central System can send, with its feature profile and where its official JSON schema is served (null without one).</summary>
internal sealed record ActionBody(string Action, string Profile, string? Schema);
