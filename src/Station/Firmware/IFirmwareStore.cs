namespace Station.Firmware;

/// <summary>Where the firmware block keeps what must survive a reboot or a power loss.</summary>
public interface IFirmwareStore
{
    /// <summary>The stored state; <see cref="StoredFirmware.Empty"/> before anything was stored.</summary>
    StoredFirmware Load();

    /// <summary>Replaces the stored state; durable when it returns.</summary>
    void Save(StoredFirmware firmware);
}
