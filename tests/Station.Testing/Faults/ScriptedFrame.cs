namespace Station.Testing.Faults;

/// <summary>A frame of a <see cref="ScriptedConnection"/>, either way.</summary>
/// <param name="FromStation">True for a frame the station sent.</param>
/// <param name="Text">The frame as it travelled.</param>
/// <param name="At">When, by the Central System's clock.</param>
public sealed record ScriptedFrame(bool FromStation, string Text, DateTimeOffset At)
{
    /// <inheritdoc/>
    public override string ToString() => $"{At:HH:mm:ss.fff} {(FromStation ? "→" : "←")} {Text}";
}
