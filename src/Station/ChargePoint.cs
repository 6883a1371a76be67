using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Transport;
using Station.Authorization;
using Station.Boot;
using Station.Configuration;
using Station.Connection;
using Station.Connectors;
using Station.DataTransfer;
using Station.Diagnostics;
using Station.Firmware;
using Station.Hardware;
using Station.Metering;
using Station.Model;
using Station.Runtime;
using Station.Transactions;
using Station.Triggers;

namespace Station;

/// <summary>
/// One station instance: builds its blocks, wires them to each other and to the Central System,
/// and runs until its host stops it or a Reset reboots it. Several thousand can run in one
/// process: nothing here is static, and nothing holds a thread.
/// </summary>
public sealed class ChargePoint : IRebooter, IAsyncDisposable
{
    private readonly ChargePointOptions _options;
    private readonly StationRuntime _runtime;
    private readonly ReconnectingRpcClient _client;
    private readonly IReadOnlyList<IConnectorHardware> _hardware;
    private readonly TaskCompletionSource<StationExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;

    /// <summary>Builds a station instance from its model, hardware and stores; nothing runs before <see cref="RunAsync"/>.</summary>
    public ChargePoint(
        StationModel model,
        ChargePointOptions options,
        IReadOnlyList<IConnectorHardware> hardware,
        StationStores stores,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        if (hardware.Count != model.Connectors.Count)
        {
            throw new ArgumentException($"the model has {model.Connectors.Count} connectors but {hardware.Count} were given", nameof(hardware));
        }

        _options = options.Validate();
        _hardware = hardware;
        _runtime = new StationRuntime(timeProvider, loggerFactory, stores.Clock);

        // The trace (DATA-DIR/logs) is stamped with this instance's station clock, the one its messages carry.
        options.Trace?.UseClock(_runtime.Clock);
        _logger = loggerFactory.CreateLogger("Station");
        Model = model;

        // Firmware Management needs a file transfer; without one the station offers neither the profile nor its key.
        var fileTransfer = options.FileTransfer;
        var definitions = StationKeyCatalog.For(model, fileTransfer?.Schemes);
        Configuration = new ConfigurationService(definitions, stores.Configuration, loggerFactory.CreateLogger("Station.Configuration"));

        Router = new CallRouter();
        _client = new ReconnectingRpcClient(
            ConnectAsync, Router, options.Reconnect, options.Rpc, timeProvider, loggerFactory.CreateLogger("Station.Connection"), CombinedFrameObserver.Of(options.FrameObserver, options.Trace));
        Link = new CentralSystemLink(_client);
        Outgoing = new OutgoingMessages(Link, loggerFactory.CreateLogger("Station.Connection"));
        Notifications = new DurableNotifications(Outgoing, Link, stores.Notifications, _runtime);

        Connectors = new ConnectorService(model.Connectors.Count, stores.Availability, Outgoing, Configuration, _runtime);
        Authorization = new AuthorizationService(Link, Outgoing, Configuration, new AuthorizationCache(stores.AuthorizationCache), new NoLocalAuthList(), _runtime);
        Outbox = new TransactionOutbox(stores.Transactions, Link, Configuration, _runtime);
        Transactions = new TransactionService(Connectors, hardware, stores.Transactions, Outbox, Authorization, Configuration, _runtime, Math.Max(1, model.StopTransactionMaxMeterValues));
        Sessions = new SessionCoordinator(Transactions, Connectors, Authorization, Configuration, _runtime);
        Metering = new MeteringService(model, hardware, Transactions, Outgoing, Configuration, _runtime, options.MeterCheckpointInterval);
        var dataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "ocpp-station", string.Concat(options.ChargePointId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')));
        Firmware = new FirmwareService(
            model, stores.Firmware, fileTransfer, options.FirmwareInstaller, Notifications, Connectors, Transactions, _runtime, Path.Combine(dataDirectory, "firmware"), RebootForFirmware);
        Diagnostics = new DiagnosticsService(options.DiagnosticsArchive ?? options.Trace, fileTransfer, Notifications, _runtime, options.ChargePointId, Path.Combine(dataDirectory, "diagnostics"));
        Boot = new BootService(model, () => Firmware.InstalledVersion, Link, Outgoing, Connectors, Configuration, _runtime);
        Boot.Accepted += Firmware.OnBootAccepted;
        Boot.Accepted += Metering.OnClockSynchronized;
        Inputs = new ChargePointInputs(model, _runtime, Connectors, Transactions, Sessions, PowerDownAsync);
        RegisterHandlers(options.DataTransferHandlers);
    }

    /// <summary>The station's model.</summary>
    public StationModel Model { get; }

    /// <summary>Where the hardware reports physical events.</summary>
    public IStationInputs Inputs { get; }

    /// <summary>The handlers of the Central System's CALLs.</summary>
    public CallRouter Router { get; }

    /// <summary>The configuration block.</summary>
    public ConfigurationService Configuration { get; }

    /// <summary>The connection to the Central System.</summary>
    public CentralSystemLink Link { get; }

    /// <summary>The ordered queue of non-transaction messages.</summary>
    public OutgoingMessages Outgoing { get; }

    /// <summary>The firmware and diagnostics notifications owed to the Central System across a power loss.</summary>
    public DurableNotifications Notifications { get; }

    /// <summary>The connector block.</summary>
    public ConnectorService Connectors { get; }

    /// <summary>The authorization block.</summary>
    public AuthorizationService Authorization { get; }

    /// <summary>The durable outbox of transaction messages.</summary>
    public TransactionOutbox Outbox { get; }

    /// <summary>The transaction block.</summary>
    public TransactionService Transactions { get; }

    /// <summary>What cards, buttons and remote commands mean for sessions.</summary>
    public SessionCoordinator Sessions { get; }

    /// <summary>The metering block.</summary>
    public MeteringService Metering { get; }

    /// <summary>The boot block.</summary>
    public BootService Boot { get; }

    /// <summary>The firmware block: installed version and updates.</summary>
    public FirmwareService Firmware { get; }

    /// <summary>The diagnostics block: archive and upload of the trace.</summary>
    public DiagnosticsService Diagnostics { get; }

    /// <summary>The shared runtime: lock, clock, background work.</summary>
    public StationRuntime Runtime => _runtime;

    /// <summary>
    /// Runs the station: recovers from a power loss, connects, and serves until
    /// <paramref name="cancellationToken"/> stops it or a Reset asks for a reboot.
    /// </summary>
    public async Task<StationExit> RunAsync(CancellationToken cancellationToken)
    {
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            Transactions.RecoverAfterPowerLoss();
            Metering.Start();
            Connectors.Refresh();
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _runtime.Stopping);
        var loops = new[]
        {
            _client.RunAsync(running.Token),
            Outgoing.RunAsync(running.Token),
            Outbox.RunAsync(running.Token),
        };

        var stopped = new TaskCompletionSource<StationExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (running.Token.Register(() => stopped.TrySetResult(StationExit.Stopped)).ConfigureAwait(false))
        {
            var first = await Task.WhenAny(_exit.Task, stopped.Task).ConfigureAwait(false);
            var exit = await first.ConfigureAwait(false);
            await running.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(loops.Select(IgnoreCancellationAsync)).ConfigureAwait(false);
            return exit;
        }
    }

    /// <summary>
    /// Sends a DataTransfer of the station's own (a station maker's extension, §4.3) and returns
    /// the Central System's answer. Needs the station online.
    /// </summary>
    /// <exception cref="Ocpp16.Rpc.OcppNotConnectedException">The station is offline.</exception>
    public Task<DataTransferResponse> DataTransferAsync(DataTransferRequest request, CancellationToken cancellationToken = default) =>
        Outgoing.SendAsync(request, cancellationToken);

    /// <summary>The state the control API shows.</summary>
    public async Task<StationSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var connectors = Connectors.All.Select(c =>
            {
                var status = Connectors.Evaluate(c.Id);
                var transaction = Transactions.On(c.Id);
                return new ConnectorSnapshot(c.Id, status.Status, transaction?.TransactionId, _hardware[c.Id - 1].Meter.Read().EnergyActiveImportWh, status.ErrorCode, transaction?.IdTag);
            }).ToList();
            return new StationSnapshot(Link.IsConnected, Link.Registration, connectors, Outbox.Pending, Outbox.DeadLetters);
        }
    }

    /// <inheritdoc/>
    public async Task RebootAsync(ResetType type, CancellationToken cancellationToken)
    {
        BootLog.Resetting(_logger, type);
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await Transactions.StopAllAsync(type == ResetType.Hard ? Reason.HardReset : Reason.SoftReset).ConfigureAwait(false);
        }

        // A soft reset lets the StopTransaction leave first; a hard one reboots at once and sends it afterwards (TC_015, TC_016).
        if (type == ResetType.Soft)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _exit.TrySetResult(new StationExit(type));
    }

    /// <summary>
    /// AQ-7.1, TC_032_1: on backup power after mains power failed, stops every transaction with
    /// reason PowerLoss, gives their StopTransaction a bounded chance to leave, and shuts down.
    /// </summary>
    public async Task PowerDownAsync(CancellationToken cancellationToken)
    {
        BootLog.PoweringDown(_logger);
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await Transactions.StopAllAsync(Reason.PowerLoss).ConfigureAwait(false);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        _exit.TrySetResult(StationExit.PowerLost);
    }

    /// <summary>
    /// An orderly shutdown (the operating system stops the station software, e.g. to reboot the
    /// controller): running transactions end with reason Reboot, their StopTransaction gets a
    /// bounded chance to leave, and <see cref="RunAsync"/> returns. Cancelling RunAsync instead is
    /// an abrupt stop, as a power loss: transactions are then closed at the next start.
    /// </summary>
    public async Task ShutDownAsync(CancellationToken cancellationToken = default)
    {
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await Transactions.StopAllAsync(Reason.Reboot).ConfigureAwait(false);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        _exit.TrySetResult(StationExit.Stopped);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!Link.IsOnline)
        {
            return;
        }

        try
        {
            // Transaction messages first, then the statuses that describe their end (Finishing).
            var flushed = Task.WhenAll(Outbox.WaitUntilDrainedAsync(cancellationToken), Outgoing.WaitUntilEmptyAsync(cancellationToken));
            await flushed.WaitAsync(_options.RebootFlushTimeout, _runtime.Clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Transaction messages left are sent after the next start: they are journaled.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _runtime.DisposeAsync().ConfigureAwait(false);

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<IOcppTransport> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new WebSocketClientOptions
        {
            CentralSystemUri = _options.CentralSystemUri,
            ChargePointId = _options.ChargePointId,
            PingInterval = Configuration.GetSeconds(CoreKeys.WebSocketPingInterval),
        };
        connection = _options.ConfigureConnection?.Invoke(connection) ?? connection;
        return await OcppWebSocketClient.ConnectAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private void RegisterHandlers(IReadOnlyList<IDataTransferVendorHandler> dataTransfer)
    {
        Router.IsAnswering = () => Boot.IsAnswering;

        // One path for work after an answer: the station's tracked background work, which stopping waits for.
        Router.AfterResponseRunner = _runtime.Run;
        Locked(OcppActions.GetConfiguration, new GetConfigurationHandler(Configuration));
        Locked(OcppActions.ChangeConfiguration, new ChangeConfigurationHandler(Configuration));
        Locked(OcppActions.ChangeAvailability, new ChangeAvailabilityHandler(Connectors));
        Locked(OcppActions.ClearCache, new ClearCacheHandler(Authorization));
        Locked(OcppActions.RemoteStartTransaction, new RemoteStartTransactionHandler(Sessions, Link, _runtime));
        Locked(OcppActions.RemoteStopTransaction, new RemoteStopTransactionHandler(Transactions, Link, _runtime));
        Locked(OcppActions.UnlockConnector, new UnlockConnectorHandler(Transactions, _hardware));
        Locked(OcppActions.Reset, new ResetHandler(this, _runtime));
        Router.Handle(OcppActions.DataTransfer, new DataTransferHandler(dataTransfer));
        var firmwareManagement = _options.FileTransfer is not null;
        Locked(OcppActions.TriggerMessage, new TriggerMessageHandler(
            Connectors, Boot, Metering, firmwareManagement ? Firmware : null, firmwareManagement ? Diagnostics : null, Link, Outgoing, _runtime));
        if (firmwareManagement)
        {
            Locked(OcppActions.UpdateFirmware, new UpdateFirmwareHandler(Firmware));

            // Diagnostics touch no block state: the handler runs beside the lock, the archive after the answer.
            Router.Handle(OcppActions.GetDiagnostics, new GetDiagnosticsHandler(Diagnostics));
        }
    }

    // A firmware installation reboots the station without a Reset. No transaction runs then, but
    // the StopTransaction of the last one may still be queued: like a soft reset, let it leave first.
    private void RebootForFirmware(string reason) => _runtime.Run("reboot after firmware installation", async cancellationToken =>
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        _exit.TrySetResult(StationExit.SelfReboot(reason));
    });

    // Every handler that touches block state runs under the station lock (see StationLock).
    private void Locked<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, IOcppHandler<TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        Router.Handle(action, async (request, context, cancellationToken) =>
        {
            using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                return await handler.HandleAsync(request, context, cancellationToken).ConfigureAwait(false);
            }
        });
}
