using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Connection;
using Station.Runtime;

namespace Station.Security.Events;

/// <summary>
/// The security events of the whitepaper (edition 3, §2 and appendix 1): each is stamped with the
/// moment it happened, written to the security log (durable, bounded) and sent as a
/// SecurityEventNotification once the registration is accepted, in order, not sent again once
/// answered. An event that happens offline, or before a power loss, is sent after the next
/// accepted BootNotification. Callable from any thread, with or without the station lock.
/// </summary>
public sealed class SecurityEventsService : ISecurityEvents
{
    /// <summary>How many entries the security log keeps (the oldest delivered ones go first).</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>The longest techInfo on the wire (CiString255).</summary>
    public const int MaxTechInfoLength = 255;

    private readonly ISecurityEventStore _store;
    private readonly SecurityEventQueue _queue;
    private readonly DurableNotifications _delivery;
    private readonly StationClock _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the block over its log.</summary>
    /// <param name="store">The security log.</param>
    /// <param name="outgoing">The ordered queue the notifications take.</param>
    /// <param name="link">The connection: stored events leave each time the station comes online.</param>
    /// <param name="runtime">Clock, background work and logging.</param>
    /// <param name="capacity">How many entries the log keeps.</param>
    public SecurityEventsService(ISecurityEventStore store, OutgoingMessages outgoing, CentralSystemLink link, StationRuntime runtime, int capacity = DefaultCapacity)
    {
        _store = store;
        _queue = new SecurityEventQueue(store, capacity);
        _delivery = new DurableNotifications(outgoing, link, _queue, runtime);
        _clock = runtime.Clock;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Security");
    }

    /// <inheritdoc/>
    public void Report(string type, string? techInfo = null)
    {
        // In the security log first: the log line then says what a reader of the log finds.
        var request = Create(type, techInfo);
        _delivery.Enqueue(request);
        SecurityEventsLog.Happened(_logger, request.Type, request.TechInfo ?? string.Empty);
    }

    /// <inheritdoc/>
    public void ReportOnNextConnection(string type, string? techInfo = null)
    {
        var request = Create(type, techInfo);
        _queue.Add(request);
        SecurityEventsLog.Happened(_logger, request.Type, request.TechInfo ?? string.Empty);
    }

    /// <summary>The security log's entries from <paramref name="from"/> to <paramref name="to"/> (either open when null), oldest first.</summary>
    public IReadOnlyList<StoredSecurityEvent> Entries(DateTimeOffset? from = null, DateTimeOffset? to = null) => _store.Range(from, to);

    /// <summary>The notification of a logged event, with the time it happened.</summary>
    internal static SecurityEventNotificationRequest Notification(StoredSecurityEvent stored) =>
        new() { Type = stored.Type, Timestamp = stored.Timestamp, TechInfo = stored.TechInfo };

    private SecurityEventNotificationRequest Create(string type, string? techInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var detail = string.IsNullOrEmpty(techInfo) ? null : techInfo.Length > MaxTechInfoLength ? techInfo[..MaxTechInfoLength] : techInfo;
        return new SecurityEventNotificationRequest { Type = type.Length > 50 ? type[..50] : type, Timestamp = _clock.GetUtcNow(), TechInfo = detail };
    }
}
