namespace Station.Security.Events;

/// <summary>One entry of the security log: an event of the whitepaper and when it happened.</summary>
/// <param name="Sequence">Its place in the log, increasing.</param>
/// <param name="Type">The event type as the whitepaper spells it (<see cref="SecurityEventTypes"/>).</param>
/// <param name="Timestamp">When it happened, on the station's clock.</param>
/// <param name="TechInfo">Technical detail, at most 255 characters; never a secret.</param>
/// <param name="Delivered">Whether the Central System has answered its SecurityEventNotification (or refused it).</param>
public sealed record StoredSecurityEvent(long Sequence, string Type, DateTimeOffset Timestamp, string? TechInfo, bool Delivered);
