namespace Browser.Tests.Support;

/// <summary>
/// What the page measured of its own load, in milliseconds from the start of navigation:
/// DOMContentLoaded, the load event, and <c>csms-ready</c>, the mark the UI sets once the first
/// snapshot of the event stream is on screen.
/// </summary>
public sealed record PageTimings(double DomContentLoaded, double Load, double? Ready, string Origin, IReadOnlyList<string> Resources)
{
    public override string ToString() =>
        $"DOMContentLoaded {DomContentLoaded:0} ms, load {Load:0} ms, first snapshot shown {Ready:0} ms; {Resources.Count} resources, all from {Origin}";
}
