using Microsoft.Extensions.Logging;
using Station.DataTransfer;
using Station.Hardware.Simulated;
using Station.Model;
using Station.Storage.Sqlite;
using Station.Transactions;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// One station instance composed as the host composes it: the built-in TSCT-2007CP model, simulated
/// hardware, its own SQLite file, real time. Nothing runs before <see cref="StartAsync"/>.
/// </summary>
internal sealed class BenchStation : IAsyncDisposable
{
    private readonly StationDatabase _database;
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private BenchStation(string id, ChargePoint chargePoint, SimulatedStationHardware hardware, StationDatabase database)
    {
        Id = id;
        ChargePoint = chargePoint;
        Hardware = hardware;
        _database = database;
    }

    public string Id { get; }

    public ChargePoint ChargePoint { get; }

    public SimulatedStationHardware Hardware { get; }

    /// <summary>Completes if the station stops by itself (it should not during a benchmark).</summary>
    public Task Running => _running;

    public static BenchStation Create(
        string id,
        Uri centralSystem,
        string dataDirectory,
        ILoggerFactory loggerFactory,
        IReadOnlyDictionary<string, string>? configuration = null,
        IReadOnlyList<IDataTransferVendorHandler>? dataTransfer = null,
        Func<ITransactionStore, ITransactionStore>? wrapTransactions = null,
        Durability durability = Durability.PowerLossSafe,
        TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var model = StationModel.Tsct2007Cp;
        var (stores, database) = SqliteStationStorage.Open(dataDirectory, durability);
        if (wrapTransactions is not null)
        {
            stores = stores with { Transactions = wrapTransactions(stores.Transactions) };
        }

        foreach (var (key, value) in configuration ?? new Dictionary<string, string>())
        {
            stores.Configuration.Save(key, value);
        }

        var hardware = new SimulatedStationHardware(
            [.. model.Connectors.Select(c => new SimulatedConnectorSpec { Phases = c.Phases, VoltageV = c.VoltageV, FixedCable = c.FixedCable, EvPowerW = Math.Min(7400, c.MaxPowerW) })],
            clock);
        var options = new ChargePointOptions { ChargePointId = id, CentralSystemUri = centralSystem, DataTransferHandlers = dataTransfer ?? [] };
        var chargePoint = new ChargePoint(model, options, hardware.Connectors, stores, clock, loggerFactory);
        return new BenchStation(id, chargePoint, hardware, database);
    }

    public async Task StartAsync()
    {
        await Hardware.AttachAsync(ChargePoint.Inputs, _stop.Token);
        _running = ChargePoint.RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        Hardware.Detach();
        await ChargePoint.DisposeAsync();
        _database.Dispose();
        _stop.Dispose();
    }
}
