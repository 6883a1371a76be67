using Microsoft.Extensions.Logging;
using Station.FileTransfer;
using Station.Hardware;

namespace Station.Firmware;

/// <summary>
/// The firmware block's dealings with files and with the station maker's code: downloads an image
/// and verifies it, installs it, deletes it. Every failure comes back as a reason, never as an
/// exception: a bad location, server or image is a status to report, not a crash.
/// </summary>
internal sealed class FirmwareImages(IFileTransfer? transfer, IFirmwareInstaller? installer, string directory, ILogger logger)
{
    /// <summary>Where the image of <paramref name="location"/> is downloaded: its file name, made safe.</summary>
    public string PathFor(Uri location)
    {
        var name = Uri.UnescapeDataString(location.Segments.LastOrDefault() ?? string.Empty);
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).Trim('.');
        return Path.Combine(directory, safe.Length == 0 ? "firmware.bin" : safe);
    }

    /// <summary>Downloads and verifies; null when the image is ready to install, else why not.</summary>
    public async Task<string?> TryDownloadAsync(Uri location, string path, CancellationToken cancellationToken)
    {
        if (transfer is null)
        {
            return "this station has no file transfer";
        }

        try
        {
            await transfer.DownloadAsync(location, path, cancellationToken).ConfigureAwait(false);
            if (new FileInfo(path).Length == 0)
            {
                return "the downloaded file is empty";
            }

            return await VerifyAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileTransferException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>Installs the image; an installer that throws has failed.</summary>
    public async Task<FirmwareInstallResult> TryInstallAsync(string path, CancellationToken cancellationToken)
    {
        if (installer is null)
        {
            return FirmwareInstallResult.Failed("this station has no firmware installer");
        }

        try
        {
            return await installer.InstallAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The installer is the station maker's code: whatever it throws is a failed installation.
            FirmwareLog.InstallerThrew(logger, ex);
            return FirmwareInstallResult.Failed(ex.Message);
        }
    }

    /// <summary>Deletes an image that is no longer needed.</summary>
    public void Delete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale image is overwritten by the next download of the same name.
        }
    }

    private async Task<string?> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        if (installer is null)
        {
            return null;
        }

        try
        {
            var verification = await installer.VerifyAsync(path, cancellationToken).ConfigureAwait(false);
            return verification.IsValid ? null : $"the image failed verification: {verification.Reason}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not IOException)
        {
            // The installer is the station maker's code: whatever it throws is a failed verification.
            FirmwareLog.InstallerThrew(logger, ex);
            return $"the image failed verification: {ex.Message}";
        }
    }
}
