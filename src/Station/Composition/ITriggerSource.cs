namespace Station.Composition;

/// <summary>
/// A block that sends one of its messages when the Central System asks with TriggerMessage (or,
/// later, ExtendedTriggerMessage): the trigger handler asks the blocks instead of knowing them.
/// </summary>
public interface ITriggerSource
{
    /// <summary>The messages (OCPP action names, e.g. <c>StatusNotification</c>) this block sends on request.</summary>
    IReadOnlyCollection<string> TriggerableMessages { get; }

    /// <summary>
    /// The work that sends <paramref name="message"/> for <paramref name="connectorId"/> (null: every
    /// connector the message applies to). Called under the station lock once Accepted is decided;
    /// the work runs after the answer, outside the lock, and reads the state when it runs.
    /// </summary>
    Func<CancellationToken, Task> Trigger(string message, int? connectorId);
}
