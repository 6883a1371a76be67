using Ocpp16.Messages;
using static Station.SmartCharging.ScheduleTime;

namespace Station.SmartCharging;

/// <summary>
/// When one profile is in force and with which period, as segments in a window: the schedule
/// placed in time by its kind (§7.9), cut by its duration (§7.13) and recurrence (§5.16.4 notes),
/// and by its validity (§7.8, §3.13.2).
/// </summary>
internal static class ProfileTimeline
{
    /// <summary>
    /// Appends to <paramref name="into"/>, in time order, the segments of <paramref name="profile"/>
    /// inside [<paramref name="from"/>, <paramref name="to"/>).
    /// </summary>
    /// <remarks>
    /// <c>anchor</c> is the start of a schedule that is relative (Relative, and Absolute without
    /// startSchedule: §7.13 "if absent the schedule will be relative to start of charging"): the
    /// transaction start, or the start of the composite when there is no transaction. Null means
    /// "the instant asked about", for the limit now without a transaction: such a schedule then
    /// always shows its first period.
    /// </remarks>
    public static void AppendSegments(ChargingProfile profile, long? anchor, long from, long to, List<ScheduleSegment> into)
    {
        var lo = Math.Max(from, profile.ValidFrom is { } validFrom ? Seconds(validFrom) : Ever);
        var hi = Math.Min(to, profile.ValidTo is { } validTo ? Seconds(validTo) : Forever);
        var schedule = profile.ChargingSchedule;
        if (lo >= hi || schedule.ChargingSchedulePeriod.Count == 0)
        {
            return;
        }

        // §7.13: without a duration "the last period will continue indefinitely".
        var extent = schedule.Duration is { } duration ? Math.Max(duration, 0) : Forever;
        if (profile.ChargingProfileKind == ChargingProfileKindType.Recurring)
        {
            AppendRecurrences(profile, extent, lo, hi, into);
            return;
        }

        var start = profile.ChargingProfileKind == ChargingProfileKindType.Absolute && schedule.StartSchedule is { } absolute
            ? Seconds(absolute)
            : anchor;
        if (start is { } placed)
        {
            AppendOccurrence(schedule, placed, extent, lo, hi, into);
        }
        else if (extent > 0)
        {
            into.Add(new ScheduleSegment(lo, hi, schedule.ChargingSchedulePeriod[0], schedule));
        }
    }

    /// <summary>The recurrence period of a Recurring profile, or null when it lacks what it needs to recur.</summary>
    public static long? RecurrencePeriod(ChargingProfile profile) =>
        profile.ChargingProfileKind != ChargingProfileKindType.Recurring || profile.ChargingSchedule.StartSchedule is null
            ? null
            : profile.RecurrencyKind switch
            {
                RecurrencyKindType.Daily => Day,
                RecurrencyKindType.Weekly => Week,
                _ => null,
            };

    // The schedule restarts at startSchedule + k x period, k >= 0 (§7.9: "restarts periodically at the
    // first schedule period"); before startSchedule it has not started. A duration or periods longer
    // than the period are cut: "the remainder periods SHALL not be executed" (§5.16.4); a duration
    // shorter leaves a gap where lower stack levels show through ("fall back to default behaviour").
    private static void AppendRecurrences(ChargingProfile profile, long extent, long lo, long hi, List<ScheduleSegment> into)
    {
        // Validation refuses a Recurring profile without recurrencyKind or startSchedule: such a profile never applies.
        if (RecurrencePeriod(profile) is not { } period)
        {
            return;
        }

        if (hi == Forever)
        {
            throw new ArgumentOutOfRangeException(nameof(hi), "a recurring schedule has no last occurrence: the window must end");
        }

        var first = Seconds(profile.ChargingSchedule.StartSchedule!.Value);
        var occurrence = Math.Min(extent, period);
        var k = Math.Max(0, FloorDiv(lo - first, period));
        for (var start = first + (k * period); start < hi; start += period)
        {
            AppendOccurrence(profile.ChargingSchedule, start, occurrence, lo, hi, into);
        }
    }

    private static void AppendOccurrence(ChargingSchedule schedule, long start, long extent, long lo, long hi, List<ScheduleSegment> into)
    {
        var end = Math.Min(Plus(start, extent), hi);
        var periods = schedule.ChargingSchedulePeriod;
        for (var i = 0; i < periods.Count; i++)
        {
            var periodStart = start + periods[i].StartPeriod;
            if (periodStart >= end)
            {
                break; // §5.16.4: periods beyond the duration are not executed.
            }

            // §7.14: the next startPeriod ends this period; the last one lasts to the end of the schedule.
            var periodEnd = i + 1 < periods.Count ? Math.Min(start + periods[i + 1].StartPeriod, end) : end;
            var segmentStart = Math.Max(periodStart, lo);
            if (segmentStart < periodEnd)
            {
                into.Add(new ScheduleSegment(segmentStart, periodEnd, periods[i], schedule));
            }
        }
    }
}
