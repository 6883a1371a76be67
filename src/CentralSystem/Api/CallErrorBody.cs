namespace CentralSystem.Api;

/// <summary>A station's CALLERROR (HTTP 502): <c>{"error": "NotSupported", "description": "..."}</c>, the code as the station sent it.</summary>
internal sealed record CallErrorBody(string Error, string Description);
