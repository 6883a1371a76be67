using Ocpp16.Messages;
using static Station.SmartCharging.ScheduleTime;

namespace Station.SmartCharging;

/// <summary>
/// One installed profile as it applies to one connector in one calculation: its segments in the
/// window and a cursor, read at increasing instants only (a sweep).
/// </summary>
internal sealed class ProfileTrack
{
    private readonly List<ScheduleSegment> _segments;
    private int _cursor;

    public ProfileTrack(InstalledProfile installed, long? anchor, long from, long to)
    {
        var profile = installed.Profile;
        _segments = new List<ScheduleSegment>(profile.ChargingSchedule.ChargingSchedulePeriod.Count + 1);
        Purpose = installed.Purpose;
        StackLevel = installed.StackLevel;
        ConnectorSpecific = installed.ConnectorId != 0;
        var isRecurring = ProfileTimeline.RecurrencePeriod(profile) is not null;
        // A window without an end (the limit now) lays a Recurring profile out only so far; any other window in full.
        var segmentsTo = isRecurring && to == Forever ? from + RecurringHorizon : to;
        ProfileTimeline.AppendSegments(profile, anchor, from, segmentsTo, _segments);
        ValidFrom = profile.ValidFrom is { } validFrom ? Seconds(validFrom) : Ever;
        ValidTo = profile.ValidTo is { } validTo ? Seconds(validTo) : Forever;
        ContinuesAfter = isRecurring && segmentsTo < to && ValidTo > segmentsTo ? segmentsTo : null;
    }

    /// <summary>
    /// How far ahead the occurrences of a Recurring profile are laid out when the window has no end
    /// (the limit now): a week and a day covers a full Weekly period after any instant.
    /// </summary>
    public const long RecurringHorizon = Week + Day;

    public ChargingProfilePurposeType Purpose { get; }

    public int StackLevel { get; }

    /// <summary>Installed on the connector itself rather than on connector 0.</summary>
    public bool ConnectorSpecific { get; }

    public long ValidFrom { get; }

    public long ValidTo { get; }

    /// <summary>Where the laid-out occurrences stop although the profile goes on recurring; null when nothing is cut off.</summary>
    public long? ContinuesAfter { get; }

    /// <summary>The segment in force at <paramref name="at"/>; instants must not decrease between calls.</summary>
    public ScheduleSegment? At(long at)
    {
        while (_cursor < _segments.Count && _segments[_cursor].End <= at)
        {
            _cursor++;
        }

        return _cursor < _segments.Count && _segments[_cursor].Start <= at ? _segments[_cursor] : null;
    }

    /// <summary>Whether the profile is valid at <paramref name="at"/> (§3.13.2: validFrom, validTo), in force or not.</summary>
    public bool IsValidAt(long at) => ValidFrom <= at && at < ValidTo;

    /// <summary>Appends every instant in (<paramref name="after"/>, <paramref name="before"/>) at which this track may change.</summary>
    public void AppendBoundaries(long after, long before, List<long> into, bool withValidity)
    {
        foreach (var segment in _segments)
        {
            Add(segment.Start);
            Add(segment.End);
        }

        if (withValidity)
        {
            Add(ValidFrom);
            Add(ValidTo);
        }

        void Add(long at)
        {
            if (at > after && at < before)
            {
                into.Add(at);
            }
        }
    }
}
