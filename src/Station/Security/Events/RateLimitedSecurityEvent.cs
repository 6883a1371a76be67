using System.Globalization;
using Station.Runtime;

namespace Station.Security.Events;

/// <summary>
/// The security event InvalidMessages (whitepaper edition 3, appendix 1: the Charge Point received
/// messages that are not valid OCPP messages), from every frame the RPC layer could not take. A
/// Central System that sends garbage in a loop must not flood the security log: the first invalid
/// message of a quiet period is an event at once, the ones within <see cref="Window"/> after it are
/// counted and told in the techInfo of the next event. Callable from any thread.
/// </summary>
internal sealed class InvalidMessageEvents(Func<ISecurityEvents?> events, StationClock clock)
{
    /// <summary>At most one InvalidMessages event in this time.</summary>
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
            : string.Create(CultureInfo.InvariantCulture, $"{description} (and {suppressed} more invalid messages before it)");
        events()?.Report(SecurityEventTypes.InvalidMessages, techInfo);
    }
}
