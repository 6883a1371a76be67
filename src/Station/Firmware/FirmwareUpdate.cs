using Station.Runtime;

namespace Station.Firmware;

/// <summary>An UpdateFirmware or SignedUpdateFirmware request and how far it got.</summary>
public sealed record FirmwareUpdate
{
    /// <summary>Where to download the image.</summary>
    public required Uri Location { get; init; }

    /// <summary>Not before this time (the Central System's clock).</summary>
    public required DateTimeOffset RetrieveDate { get; init; }

    /// <summary>How a failed download is retried.</summary>
    public required RetryPlan Retry { get; init; }

    /// <summary>The last step completed.</summary>
    public FirmwareUpdateStage Stage { get; init; }

    /// <summary>The downloaded image, once <see cref="FirmwareUpdateStage.Downloaded"/>.</summary>
    public string? FilePath { get; init; }

    /// <summary>The SignedUpdateFirmware's requestId; null for an UpdateFirmware (then nothing below is set).</summary>
    public int? RequestId { get; init; }

    /// <summary>The signing certificate (PEM) of a signed update.</summary>
    public string? SigningCertificate { get; init; }

    /// <summary>The signature (base64, DER) over the image of a signed update.</summary>
    public string? Signature { get; init; }

    /// <summary>Not installed before this time (a signed update's installDateTime); at once when null.</summary>
    public DateTimeOffset? InstallDate { get; init; }

    /// <summary>Whether this is a SignedUpdateFirmware.</summary>
    public bool IsSigned => RequestId is not null;
}
