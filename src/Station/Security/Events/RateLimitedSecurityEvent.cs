using System.Globalization;
using Station.Runtime;

namespace Station.Security.Events;

/// <summary>
/// A security event that a peer or a fault can cause in a loop: InvalidMessages (a Central System
/// sending garbage), AttemptedReplayAttacks (one repeating message ids), MemoryExhaustion (every
/// write failing on a full disk). Such a loop must not flood the security log: the first occurrence
/// of a quiet period is an event at once, the ones within <see cref="Window"/> after it are counted
/// and told in the techInfo of the next event. Callable from any thread.
/// </summary>
/// <param name="type">The event type (<see cref="SecurityEventTypes"/>).</param>
/// <param name="occurrences">What the counted occurrences are called in the techInfo ("invalid messages").</param>
/// <param name="events">Where the events go (looked up at each report: a test's recorder may replace the block).</param>
/// <param name="clock">The station's clock.</param>
internal sealed class RateLimitedSecurityEvent(string type, string occurrences, Func<ISecurityEvents?> events, StationClock clock)
{
    /// <summary>At most one event of the type in this time.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastReported;
    private int _suppressed;

    public void Report(string description)
    {
        var now = clock.GetUtcNow();
        int suppressed;
        lock (_gate)
        {
            if (_lastReported is { } last && now - last < Window && now >= last)
            {
                _suppressed++;
                return;
            }

            _lastReported = now;
            suppressed = _suppressed;
            _suppressed = 0;
        }

        var techInfo = suppressed == 0
            ? description
            : string.Create(CultureInfo.InvariantCulture, $"{description} (and {suppressed} more {occurrences} before it)");
        events()?.Report(type, techInfo);
    }
}
