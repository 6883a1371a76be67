using Ocpp16.Messages;
using Station.Runtime;
using Station.Security;

namespace Station.Firmware;

/// <summary>The signed half of firmware updates (whitepaper edition 3, §3): SignedUpdateFirmware and the signature check after the download.</summary>
public sealed partial class FirmwareService
{
    /// <summary>
    /// SignedUpdateFirmware (whitepaper edition 3, §3), under the lock: checks the signing
    /// certificate against the installed ManufacturerRootCertificates (else InvalidCertificate and
    /// the security event InvalidFirmwareSigningCertificate), stores the request and returns the
    /// status with the work that starts it once the answer has left. Rejected during an
    /// installation or for a location that is no URL; AcceptedCanceled when it replaces an update.
    /// </summary>
    public (UpdateFirmwareStatusEnumType Status, Func<CancellationToken, Task>? Start) AcceptSigned(SignedUpdateFirmwareRequest request)
    {
        var firmware = request.Firmware;
        if (!Uri.TryCreate(firmware.Location, UriKind.Absolute, out var location))
        {
            FirmwareLog.SignedRejected(_logger, request.RequestId, "the location is not an absolute URL");
            return (UpdateFirmwareStatusEnumType.Rejected, null);
        }

        if (SignedFirmware.CheckSigningCertificate(firmware.SigningCertificate, _roots, _runtime.Clock.GetUtcNow()) is { } untrusted)
        {
            FirmwareLog.SignedRejected(_logger, request.RequestId, untrusted);
            _events?.Report(SecurityEventTypes.InvalidFirmwareSigningCertificate, untrusted);
            return (UpdateFirmwareStatusEnumType.InvalidCertificate, null);
        }

        var update = new FirmwareUpdate
        {
            Location = location,
            RetrieveDate = firmware.RetrieveDateTime,
            Retry = RetryPlan.From(request.Retries, request.RetryInterval),
            RequestId = request.RequestId,
            SigningCertificate = firmware.SigningCertificate,
            Signature = firmware.Signature,
            InstallDate = firmware.InstallDateTime,
        };
        var start = Replace(update, out var replaced);
        var status = start is null ? UpdateFirmwareStatusEnumType.Rejected : replaced ? UpdateFirmwareStatusEnumType.AcceptedCanceled : UpdateFirmwareStatusEnumType.Accepted;
        return (status, start);
    }

    // Downloaded (and, for a signed update, SignatureVerified); null when the signature does not
    // match: InvalidSignature, the security event InvalidFirmwareSignature, nothing installed.
    private async Task<FirmwareUpdate?> DownloadedAsync(FirmwareUpdate update, string path, CancellationToken cancellationToken)
    {
        var downloaded = update with { Stage = FirmwareUpdateStage.Downloaded, FilePath = path };
        var bytes = new FileInfo(path).Length;
        var invalid = update.IsSigned ? SignedFirmware.VerifySignature(path, update.Signature!, update.SigningCertificate!) : null;
        using (await EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            FirmwareLog.Downloaded(_logger, path, bytes);
            if (invalid is not null)
            {
                FirmwareLog.InvalidSignature(_logger, update.RequestId!.Value, invalid);
                Save(_state with { Update = null });
                Notify(update, FirmwareStatusEnumType.Downloaded);
                Notify(update, FirmwareStatusEnumType.InvalidSignature);
                _events?.Report(SecurityEventTypes.InvalidFirmwareSignature, invalid);
            }
            else
            {
                Save(_state with { Update = downloaded });
                Notify(update, FirmwareStatusEnumType.Downloaded);
                if (update.IsSigned)
                {
                    Notify(update, FirmwareStatusEnumType.SignatureVerified);
                }
            }
        }

        if (invalid is not null)
        {
            _images.Delete(path);
            return null;
        }

        return downloaded;
    }

    /// <summary>
    /// Whitepaper, secure firmware update: InstallRebooting just before the reboot that activates a
    /// signed image, waited for while online (durable: offline it goes after the reboot, ahead of
    /// Installed). Core 1.6 has no such status, so an UpdateFirmware reboots without it.
    /// </summary>
    private async Task NotifyRebootingAsync(FirmwareUpdate update, CancellationToken cancellationToken)
    {
        if (update.RequestId is null)
        {
            return;
        }

        using (await EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            Notify(update, FirmwareStatusEnumType.InstallRebooting);
        }

        await _notifications.WaitUntilDeliveredAsync(cancellationToken).ConfigureAwait(false);
    }
}
