namespace Station.Hardware;

/// <summary>The outcome of <see cref="IFirmwareInstaller.VerifyAsync"/>.</summary>
/// <param name="IsValid">Whether the image may be installed.</param>
/// <param name="Reason">Why it may not, in one line; null when valid.</param>
public sealed record FirmwareVerification(bool IsValid, string? Reason)
{
    /// <summary>The image may be installed.</summary>
    public static FirmwareVerification Valid { get; } = new(true, null);

    /// <summary>The image is corrupt or of the wrong kind.</summary>
    /// <param name="reason">Why, in one line.</param>
    public static FirmwareVerification Invalid(string reason) => new(false, reason);
}
