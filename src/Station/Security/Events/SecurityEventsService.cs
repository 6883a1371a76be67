using System.Data.Common;
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
/// <remarks>
/// When the security log cannot be written (a full disk: the very moment MemoryExhaustion is
/// raised), an event is not lost but not durable either: it is kept in memory (at most
/// <see cref="UnpersistedCapacity"/>, the oldest go first), sent the same way, and forgotten by a power
/// cut or restart before it was answered. The security log's reader sees those entries too.
/// </remarks>
public sealed class SecurityEventsService : ISecurityEvents
{
    /// <summary>How many entries the security log keeps (the oldest delivered ones go first).</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>How many events that could not be written to the security log are kept in memory.</summary>
    public const int UnpersistedCapacity = 100;

    /// <summary>The longest techInfo on the wire (CiString255).</summary>
    public const int MaxTechInfoLength = 255;

    private readonly ISecurityEventStore _store;
    private readonly SecurityEventQueue _queue;
    private readonly DurableNotifications _delivery;
    private readonly InMemorySecurityEventStore _unpersisted = new();
    private readonly SecurityEventQueue _unpersistedQueue;
    private readonly DurableNotifications _unpersistedDelivery;
    private readonly StationRuntime _runtime;
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

        // Subscribed after the durable queue: coming online, the stored events leave first, then these.
        _unpersistedQueue = new SecurityEventQueue(_unpersisted, UnpersistedCapacity);
        _unpersistedDelivery = new DurableNotifications(outgoing, link, _unpersistedQueue, runtime);
        _runtime = runtime;
        _clock = runtime.Clock;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Security");
    }

    /// <inheritdoc/>
    public void Report(string type, string? techInfo = null) =>
        Record(Create(type, techInfo), request => _delivery.Enqueue(request), request => _unpersistedDelivery.Enqueue(request));

    /// <inheritdoc/>
    public void ReportOnNextConnection(string type, string? techInfo = null) =>
        Record(Create(type, techInfo), request => _queue.Add(request), request => _unpersistedQueue.Add(request));

    /// <summary>
    /// Clears the security log (a maintainer's request) and records SecurityLogWasCleared in the same
    /// step, so it is the first entry of the cleared log, sent like every event. Entries whose
    /// notification the Central System has not answered yet stay: clearing must not let whoever
    /// clears (after opening the enclosure, say) erase a TamperDetectionActivated before the Central
    /// System has heard of it.
    /// </summary>
    /// <param name="techInfo">Who or why, for the event's techInfo (never a secret).</param>
    /// <returns>How many entries were removed.</returns>
    /// <exception cref="InvalidOperationException">The security log could not be written (a full disk): nothing was cleared.</exception>
    public int Clear(string? techInfo)
    {
        var request = Create(SecurityEventTypes.SecurityLogWasCleared, techInfo);
        int removed;
        long sequence;
        try
        {
            (removed, sequence) = _store.ClearAndAdd(request.Type, request.Timestamp, request.TechInfo);
        }
        catch (DbException ex)
        {
            SecurityEventsLog.NotCleared(_logger, ex.Message);
            _runtime.ReportStorageFailure(ex);
            throw new InvalidOperationException($"the security log could not be written, nothing was cleared: {ex.Message}", ex);
        }

        removed += _unpersisted.RemoveDelivered();
        _delivery.EnqueueStored(sequence, request);
        SecurityEventsLog.Cleared(_logger, removed);
        SecurityEventsLog.Happened(_logger, request.Type, request.TechInfo ?? string.Empty);
        return removed;
    }

    /// <summary>The security log's entries from <paramref name="from"/> to <paramref name="to"/> (either open when null), oldest first.</summary>
    public IReadOnlyList<StoredSecurityEvent> Entries(DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var stored = _store.Range(from, to);
        var unpersisted = _unpersisted.Range(from, to);
        return unpersisted.Count == 0 ? stored : [.. stored.Concat(unpersisted).OrderBy(e => e.Timestamp)];
    }

    /// <summary>The notification of a logged event, with the time it happened.</summary>
    internal static SecurityEventNotificationRequest Notification(StoredSecurityEvent stored) =>
        new() { Type = stored.Type, Timestamp = stored.Timestamp, TechInfo = stored.TechInfo };

    // In the security log first: the log line then says what a reader of the log finds. On a full disk, in memory.
    private void Record(SecurityEventNotificationRequest request, Action<SecurityEventNotificationRequest> store, Action<SecurityEventNotificationRequest> keepInMemory)
    {
        try
        {
            store(request);
        }
        catch (DbException ex)
        {
            keepInMemory(request);
            NotPersisted(request, ex);
        }

        SecurityEventsLog.Happened(_logger, request.Type, request.TechInfo ?? string.Empty);
    }

    // The event is kept in memory and still sent; a full disk is itself an event (MemoryExhaustion,
    // rate-limited by whoever listens), except when the event that failed is that one.
    private void NotPersisted(SecurityEventNotificationRequest request, DbException failure)
    {
        SecurityEventsLog.NotPersisted(_logger, request.Type, failure.Message);
        if (request.Type != SecurityEventTypes.MemoryExhaustion)
        {
            _runtime.ReportStorageFailure(failure);
        }
    }

    private SecurityEventNotificationRequest Create(string type, string? techInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var detail = string.IsNullOrEmpty(techInfo) ? null : techInfo.Length > MaxTechInfoLength ? techInfo[..MaxTechInfoLength] : techInfo;
        return new SecurityEventNotificationRequest { Type = type.Length > 50 ? type[..50] : type, Timestamp = _clock.GetUtcNow(), TechInfo = detail };
    }
}
