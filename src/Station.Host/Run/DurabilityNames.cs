using Station.Storage.Sqlite;

namespace Station.Host.Run;

/// <summary>The values of <c>--durability</c>, as a user types them.</summary>
internal static class DurabilityNames
{
    public const string PowerLossSafe = "power-loss-safe";
    public const string ProcessCrashSafe = "process-crash-safe";

    /// <summary>The durability a value names; anything else is a one-line usage error naming the value.</summary>
    public static Durability Parse(string value) => value switch
    {
        PowerLossSafe => Durability.PowerLossSafe,
        ProcessCrashSafe => Durability.ProcessCrashSafe,
        _ => throw new UsageException($"--durability '{value}' must be {PowerLossSafe} or {ProcessCrashSafe}"),
    };
}
