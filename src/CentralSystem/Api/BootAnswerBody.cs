namespace CentralSystem.Api;

/// <summary>The BootNotification answer: <c>{"status": "Pending", "interval": 30}</c>; a field left out keeps its value.</summary>
internal sealed record BootAnswerBody(string? Status, int? Interval);
