namespace Station.Hardware;

/// <summary>The outcome of <see cref="IFirmwareInstaller.InstallAsync"/>.</summary>
/// <param name="Version">The firmware version now installed (at most 50 characters: BootNotification.firmwareVersion); null on failure.</param>
/// <param name="Error">Why installation failed, in one line; null on success.</param>
public sealed record FirmwareInstallResult(string? Version, string? Error)
{
    /// <summary>Whether the new firmware is installed.</summary>
    public bool Succeeded => Version is not null && Error is null;

    /// <summary>The new firmware is installed.</summary>
    /// <param name="version">Its version, reported in the next BootNotification.</param>
    public static FirmwareInstallResult Installed(string version) => new(version, null);

    /// <summary>Installation failed; the old firmware still runs.</summary>
    /// <param name="error">Why, in one line.</param>
    public static FirmwareInstallResult Failed(string error) => new(null, error);
}
