namespace Station.Host.Control;

/// <summary>One entry of <c>GET /security-log</c>.</summary>
/// <param name="Sequence">Its place in the log.</param>
/// <param name="Type">The whitepaper's event type.</param>
/// <param name="Timestamp">When it happened, on the station's clock.</param>
/// <param name="TechInfo">Technical detail, if any.</param>
/// <param name="Delivered">Whether the Central System answered its SecurityEventNotification.</param>
internal sealed record SecurityLogEntryBody(long Sequence, string Type, DateTimeOffset Timestamp, string? TechInfo, bool Delivered);
