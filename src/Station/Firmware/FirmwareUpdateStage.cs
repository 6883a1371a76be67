namespace Station.Firmware;

/// <summary>How far a firmware update got; a restart resumes from here.</summary>
public enum FirmwareUpdateStage
{
    /// <summary>Accepted; waiting for its retrieve date, or downloading.</summary>
    Scheduled,

    /// <summary>Downloaded and verified; waiting until no transaction runs.</summary>
    Downloaded,

    /// <summary>The installer runs; a restart in this stage means it was interrupted.</summary>
    Installing,
}
