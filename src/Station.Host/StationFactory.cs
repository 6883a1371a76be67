using Station.Hardware.Simulated;
using Station.Model;
using Station.Storage.Sqlite;

namespace Station.Host;

/// <summary>What the <c>run</c> and <c>demo</c> commands build the same way: the storage of a data directory and the simulated hardware.</summary>
internal static class StationFactory
{
    /// <summary>Opens (creating and migrating) the data directory; a problem with it is a one-line usage error.</summary>
    public static (StationStores Stores, StationDatabase Database) OpenStorage(string dataDirectory, Durability durability = Durability.PowerLossSafe)
    {
        try
        {
            return SqliteStationStorage.Open(dataDirectory, durability);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidDataException)
        {
            throw new UsageException($"--data-dir '{dataDirectory}': {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>
    /// The simulated hardware of <paramref name="model"/>; each meter resumes from the highest reading
    /// the station ever reported or queued, as a real energy register survives a restart.
    /// </summary>
    public static SimulatedStationHardware CreateHardware(StationModel model, double evPowerW, StationStores stores, TimeProvider timeProvider)
    {
        var lastMeter = stores.Transactions.LoadRegisters();
        return new SimulatedStationHardware(
            [.. model.Connectors.Select((c, i) => new SimulatedConnectorSpec
            {
                Phases = c.Phases,
                VoltageV = c.VoltageV,
                FixedCable = c.FixedCable,
                EvPowerW = Math.Min(evPowerW, c.MaxPowerW),
                InitialEnergyWh = lastMeter.GetValueOrDefault(i + 1),
            })],
            timeProvider);
    }
}
