namespace Station.Firmware;

/// <summary>A firmware store that forgets everything with the process (embedding without a database, tests).</summary>
public sealed class InMemoryFirmwareStore : IFirmwareStore
{
    private StoredFirmware _firmware = StoredFirmware.Empty;

    /// <inheritdoc/>
    public StoredFirmware Load() => Volatile.Read(ref _firmware);

    /// <inheritdoc/>
    public void Save(StoredFirmware firmware) => Volatile.Write(ref _firmware, firmware);
}
