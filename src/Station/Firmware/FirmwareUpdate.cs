namespace Station.Firmware;

/// <summary>An UpdateFirmware request and how far it got.</summary>
public sealed record FirmwareUpdate
{
    /// <summary>Where to download the image.</summary>
    public required Uri Location { get; init; }

    /// <summary>Not before this time (the Central System's clock).</summary>
    public required DateTimeOffset RetrieveDate { get; init; }

    /// <summary>Further download attempts after the first fails.</summary>
    public required int Retries { get; init; }

    /// <summary>The wait between attempts.</summary>
    public required TimeSpan RetryInterval { get; init; }

    /// <summary>The last step completed.</summary>
    public FirmwareUpdateStage Stage { get; init; }

    /// <summary>The downloaded image, once <see cref="FirmwareUpdateStage.Downloaded"/>.</summary>
    public string? FilePath { get; init; }
}
