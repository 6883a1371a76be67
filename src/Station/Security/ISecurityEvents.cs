namespace Station.Security;

/// <summary>
/// Where a block reports a security event of the whitepaper (a rejected certificate, a failed
/// authentication, a reset, a signed firmware installed). The security block queues it durably
/// with the time it happened and sends it as a SecurityEventNotification once the registration is
/// accepted. Blocks take it with <c>StationContext.Find</c>: a station without the security block
/// has no security log.
/// </summary>
public interface ISecurityEvents
{
    /// <summary>Records that <paramref name="type"/> (one of <see cref="SecurityEventTypes"/>) happened now.</summary>
    /// <param name="type">The event type as the whitepaper names it.</param>
    /// <param name="techInfo">Technical detail for the log (at most 255 characters on the wire; never a secret).</param>
    void Report(string type, string? techInfo = null);

    /// <summary>
    /// Records that <paramref name="type"/> happened now, to be sent only with the next coming
    /// online (e.g. ResetOrReboot: after the reboot, not between the Reset.conf and the reboot).
    /// </summary>
    /// <param name="type">The event type as the whitepaper names it.</param>
    /// <param name="techInfo">Technical detail for the log (at most 255 characters on the wire; never a secret).</param>
    void ReportOnNextConnection(string type, string? techInfo = null) => Report(type, techInfo);
}
