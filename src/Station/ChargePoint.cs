using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Transport;
using Station.Boot;
using Station.Composition;
using Station.Configuration;
using Station.Connection;
using Station.Diagnostics;
using Station.Firmware;
using Station.Hardware;
using Station.Model;
using Station.Runtime;

namespace Station;

/// <summary>
/// One station instance: the ground every block stands on (runtime, configuration, the link to the
/// Central System and its queues), the blocks of <see cref="StationComposition"/> built on it, and
/// the instance's life: run, reboot on Reset, power down, shut down. Several thousand can run in
/// one process: nothing here is static, and nothing holds a thread.
/// </summary>
public sealed class ChargePoint : StationBlocks, IStationLifecycle, IAsyncDisposable
{
    private readonly ChargePointOptions _options;
    private readonly StationRuntime _runtime;
    private readonly ReconnectingRpcClient _client;
    private readonly IReadOnlyList<IStationModule> _modules;
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
        : this(model, options, hardware, stores, timeProvider, loggerFactory, StationComposition.Default)
    {
    }

    /// <summary>Builds a station instance of the given blocks (tests compose stations without some of them).</summary>
    public ChargePoint(
        StationModel model,
        ChargePointOptions options,
        IReadOnlyList<IConnectorHardware> hardware,
        StationStores stores,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IReadOnlyList<ModuleDefinition> composition)
    {
        if (hardware.Count != model.Connectors.Count)
        {
            throw new ArgumentException($"the model has {model.Connectors.Count} connectors but {hardware.Count} were given", nameof(hardware));
        }

        _options = options.Validate();
        _runtime = new StationRuntime(timeProvider, loggerFactory, stores.Clock);

        // The trace (DATA-DIR/logs) is stamped with this instance's station clock, the one its messages carry.
        options.Trace?.UseClock(_runtime.Clock);
        _logger = loggerFactory.CreateLogger("Station");
        Model = model;

        var setup = StationComposition.Setup(model, options, composition);
        // The key definitions are the model's, shared by its stations; the values are this station's.
        Configuration = new ConfigurationService(ConfigurationCatalog.For(setup, composition), stores.Configuration, loggerFactory.CreateLogger("Station.Configuration"));
        Router = new CallRouter();
        _client = new ReconnectingRpcClient(
            ConnectAsync, Router, options.Reconnect, options.Rpc, _runtime.Clock.Inner, loggerFactory.CreateLogger("Station.Connection"),
            CombinedFrameObserver.Of(options.FrameObserver, options.Trace));
        Link = new CentralSystemLink(_client, loggerFactory.CreateLogger("Station.Connection"));
        Outgoing = new OutgoingMessages(Link, loggerFactory.CreateLogger("Station.Connection"));
        Notifications = new DurableNotifications(Outgoing, Link, stores.Notifications, _runtime);
        Context = new StationContext(setup, _runtime, Configuration, Link, Outgoing, Notifications, stores, hardware, this);
        Context.Provide(new TriggerSources());

        // One path for work after an answer: the station's tracked background work, which stopping waits for.
        Router.AfterResponseRunner = _runtime.Run;
        _modules = StationComposition.Build(Context, new HandlerRegistry(Router, _runtime), composition);
        Router.IsAnswering = () => Boot.IsAnswering;
        Boot.Accepted += () =>
        {
            foreach (var module in _modules)
            {
                module.OnBootAccepted();
            }
        };
    }

    /// <summary>The station's model.</summary>
    public StationModel Model { get; }

    /// <summary>The feature profiles of the blocks this station is composed of.</summary>
    public IReadOnlyList<FeatureProfile> Profiles => Context.Profiles;

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

    /// <summary>The boot block.</summary>
    public BootService Boot => Context.Require<BootService>();

    /// <summary>The firmware block: installed version and updates (Firmware Management).</summary>
    /// <exception cref="InvalidOperationException">The station has no Firmware Management.</exception>
    public FirmwareService Firmware => Context.Require<FirmwareService>();

    /// <summary>The diagnostics block: archive and upload of the trace (Firmware Management).</summary>
    /// <exception cref="InvalidOperationException">The station has no Firmware Management.</exception>
    public DiagnosticsService Diagnostics => Context.Require<DiagnosticsService>();

    /// <summary>The blocks this station is composed of, by the interface they provide (null when absent).</summary>
    public T? Block<T>()
        where T : class => Context.Find<T>();

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
            foreach (var module in _modules)
            {
                module.Start();
            }
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _runtime.Stopping);
        List<Task> loops = [_client.RunAsync(running.Token), Outgoing.RunAsync(running.Token), .. _modules.Select(m => m.RunAsync(running.Token))];

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

    /// <summary>The state the control API shows, as the blocks describe it.</summary>
    public async Task<StationSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var snapshot = new StationSnapshotBuilder(Model.Connectors.Count) { Connected = Link.IsConnected, Registration = Link.Registration };
            foreach (var module in _modules)
            {
                module.Describe(snapshot);
            }

            return snapshot.Build();
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

    /// <inheritdoc/>
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
        var security = Context.Find<IConnectionSecurity>();
        connection = security?.Apply(connection) ?? connection;
        connection = _options.ConfigureConnection?.Invoke(connection) ?? connection;
        try
        {
            var transport = await OcppWebSocketClient.ConnectAsync(connection, cancellationToken).ConfigureAwait(false);
            security?.Connected();
            return transport;
        }
        catch (Exception ex) when (security is not null && !cancellationToken.IsCancellationRequested)
        {
            security.ConnectFailed(ex);
            throw;
        }
    }

    /// <inheritdoc/>
    // A firmware installation reboots the station without a Reset. No transaction runs then, but
    // the StopTransaction of the last one may still be queued: like a soft reset, let it leave first.
    public void RebootAfterFirmware(string reason) => _runtime.Run("reboot after firmware installation", async cancellationToken =>
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        _exit.TrySetResult(StationExit.SelfReboot(reason));
    });
}
