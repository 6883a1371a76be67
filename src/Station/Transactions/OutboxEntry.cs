namespace Station.Transactions;

/// <summary>A stored transaction message, oldest first.</summary>
/// <param name="Sequence">Its place in the delivery order.</param>
/// <param name="Message">The message.</param>
/// <param name="Attempts">Failed delivery attempts so far (errors and timeouts, not time offline).</param>
public sealed record OutboxEntry(long Sequence, OutboxMessage Message, int Attempts);
