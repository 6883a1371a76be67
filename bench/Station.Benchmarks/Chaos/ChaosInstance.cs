namespace Station.Benchmarks.Chaos;

/// <summary>One station process of the run: how it was to die, how it booted, how it died.</summary>
internal sealed class ChaosInstance(int number, KillPoint? killPoint, int firstFrame)
{
    /// <summary>From 1; the last one of a run is the clean one that drains the queue.</summary>
    public int Number { get; } = number;

    /// <summary>Null for the final, clean process.</summary>
    public KillPoint? KillPoint { get; } = killPoint;

    /// <summary>The first frame of the Central System's record that can belong to it.</summary>
    public int FirstFrame { get; } = firstFrame;

    public long StartedAt { get; set; }

    /// <summary>Process start to the Central System's answer to its BootNotification, in ms; null when it died first.</summary>
    public double? BootMilliseconds { get; set; }

    /// <summary>When the kill was sent, or the hook's own SIGKILL line was read.</summary>
    public long? KilledAt { get; set; }

    /// <summary>How it really died: the planned way, or a fallback kill when the planned point never came.</summary>
    public string? DiedBy { get; set; }

    public List<DriverSession> Sessions { get; } = [];
}
