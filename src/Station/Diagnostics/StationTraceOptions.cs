using Microsoft.Extensions.Logging;

namespace Station.Diagnostics;

/// <summary>How large the trace may grow and what it keeps.</summary>
public sealed record StationTraceOptions
{
    /// <summary>The size at which <c>trace.log</c> rotates.</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>How many rotated files are kept besides the current one; the trace never exceeds (this + 1) × <see cref="MaxFileBytes"/> by much.</summary>
    public int MaxFiles { get; init; } = 9;

    /// <summary>The lowest level of log events kept (frames are always kept).</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    /// <summary>Validates the options once; throws with a one-line reason.</summary>
    public StationTraceOptions Validate()
    {
        if (MaxFileBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, "a trace file must hold at least 1024 bytes");
        }

        if (MaxFiles is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFiles), MaxFiles, "keep 1 to 1000 rotated trace files");
        }

        return this;
    }
}
