namespace Station.Hardware;

/// <summary>
/// Checks and installs firmware images the station downloaded for an UpdateFirmware request
/// (OCPP 1.6 §5.19). The station calls <see cref="VerifyAsync"/> after each download and
/// <see cref="InstallAsync"/> once no transaction runs and every connector is Unavailable; after a
/// successful installation it reboots and reports the returned version in its BootNotification.
/// </summary>
public interface IFirmwareInstaller
{
    /// <summary>
    /// Checks a downloaded image before anything is installed: its format, checksum or signature.
    /// An invalid image counts as a failed download and is downloaded again while retries remain.
    /// </summary>
    /// <param name="imagePath">The downloaded file.</param>
    /// <param name="cancellationToken">Cancelled when the station stops.</param>
    ValueTask<FirmwareVerification> VerifyAsync(string imagePath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Installs the image. Returns the version now installed, or why installation failed; the old
    /// firmware must then still be in place. An exception counts as a failed installation.
    /// </summary>
    /// <param name="imagePath">The verified file.</param>
    /// <param name="cancellationToken">Cancelled when the station stops.</param>
    ValueTask<FirmwareInstallResult> InstallAsync(string imagePath, CancellationToken cancellationToken = default);
}
