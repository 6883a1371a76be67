namespace Station.Connection;

/// <summary>A notification persisted until the Central System answered it.</summary>
/// <param name="Sequence">Its place in the order of notifications.</param>
/// <param name="Action">The OCPP action.</param>
/// <param name="Payload">The request as JSON.</param>
public sealed record StoredNotification(long Sequence, string Action, string Payload);
