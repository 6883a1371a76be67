namespace Station.SmartCharging;

/// <summary>
/// Schedule arithmetic in whole Unix seconds. Every instant (startSchedule, validFrom, validTo, a
/// transaction start, the start of a composite) is truncated to its second: startPeriod and
/// duration are whole seconds on the wire, so a composite cannot say anything finer.
/// </summary>
internal static class ScheduleTime
{
    /// <summary>Stands for "no end": validTo absent, duration absent, the last period of a schedule.</summary>
    public const long Forever = long.MaxValue;

    /// <summary>Stands for "no beginning": validFrom absent (valid as soon as it was received, §7.8).</summary>
    public const long Ever = long.MinValue;

    /// <summary>The recurrence period of a Daily profile: 24 h of UTC, whatever the daylight saving time.</summary>
    public const long Day = 86_400;

    /// <summary>The recurrence period of a Weekly profile.</summary>
    public const long Week = 7 * Day;

    public static long Seconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    public static DateTimeOffset Instant(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    /// <summary><paramref name="at"/> + <paramref name="length"/>, where either may be <see cref="Forever"/>.</summary>
    public static long Plus(long at, long length) => at == Forever || length == Forever ? Forever : at + length;

    public static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}
