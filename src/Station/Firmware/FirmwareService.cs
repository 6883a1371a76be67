using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Connection;
using Station.Connectors;
using Station.FileTransfer;
using Station.Hardware;
using Station.Model;
using Station.Runtime;
using Station.Security;
using Station.Transactions;

namespace Station.Firmware;

/// <summary>
/// Firmware Management (OCPP 1.6 §4.5, §5.19). Owns the installed version and runs one update at
/// a time: wait for retrieveDate, download with the requested retries, verify, wait until no
/// transaction runs (AQ-4: downloading during one is fine), install with every connector
/// Unavailable, reboot. FirmwareStatusNotification reports Downloading → Downloaded → Installing,
/// then Installed after the next accepted BootNotification, or DownloadFailed / InstallationFailed.
/// The request and every completed step are persisted, so a reboot or a power loss resumes the
/// update where it was. State changes happen under the station lock; transfers and waits do not.
/// </summary>
public sealed partial class FirmwareService
{
    // Task.Delay takes at most ~49 days; long waits are taken in steps, re-reading the clock after each.
    private static readonly TimeSpan LongestWaitStep = TimeSpan.FromDays(1);

    private readonly StationModel _model;
    private readonly IFirmwareStore _store;
    private readonly IFileTransfer? _transfer;
    private readonly FirmwareImages _images;
    private readonly IDurableQueue _notifications;
    private readonly IConnectorHolds _connectors;
    private readonly TransactionService _transactions;
    private readonly StationRuntime _runtime;
    private readonly Action<string> _reboot;
    private readonly ILogger _logger;
    private volatile StoredFirmware _state;
    private readonly FirmwareNotifier _notifier;
    private readonly ISecurityEvents? _events;
    private readonly IManufacturerRoots? _roots;
    private CancellationTokenSource? _running;
    private TaskCompletionSource? _transactionEnded;
    private bool _resumed;

    /// <summary>Creates the block from its stored state.</summary>
    /// <param name="model">The station model (its version until an update installs another).</param>
    /// <param name="store">The durable state.</param>
    /// <param name="transfer">Downloads images; null when the station has no Firmware Management.</param>
    /// <param name="installer">Verifies and installs images; null makes every installation fail.</param>
    /// <param name="notifications">Where FirmwareStatusNotifications go (durably: they are owed across a power loss).</param>
    /// <param name="connectors">Made Unavailable while installing.</param>
    /// <param name="transactions">Installation waits until none runs.</param>
    /// <param name="runtime">Lock, clock and background work.</param>
    /// <param name="downloadDirectory">Where images are downloaded.</param>
    /// <param name="reboot">Reboots the station after an installation, with the reason.</param>
    /// <param name="events">Where the security events of signed updates go; none without the security block.</param>
    /// <param name="roots">The installed ManufacturerRootCertificates a signing certificate must chain to; none: every signed update is InvalidCertificate.</param>
    public FirmwareService(
        StationModel model,
        IFirmwareStore store,
        IFileTransfer? transfer,
        IFirmwareInstaller? installer,
        IDurableQueue notifications,
        IConnectorHolds connectors,
        TransactionService transactions,
        StationRuntime runtime,
        string downloadDirectory,
        Action<string> reboot,
        ISecurityEvents? events = null,
        IManufacturerRoots? roots = null)
    {
        _model = model;
        _store = store;
        _transfer = transfer;
        _notifications = notifications;
        _connectors = connectors;
        _transactions = transactions;
        _runtime = runtime;
        _reboot = reboot;
        _events = events;
        _roots = roots;
        _notifier = new FirmwareNotifier(notifications);
        _logger = runtime.LoggerFactory.CreateLogger("Station.Firmware");
        _images = new FirmwareImages(transfer, installer, downloadDirectory, _logger);
        _state = store.Load();
        transactions.Ending += (_, _) => _transactionEnded?.TrySetResult();
    }

    /// <summary>The version installed now: the last one an update installed, else the model's.</summary>
    public string InstalledVersion => _state.InstalledVersion ?? _model.FirmwareVersion;

    /// <summary>The status a triggered FirmwareStatusNotification reports: the step in progress, else Idle. Read under the lock.</summary>
    public FirmwareStatus Status => _notifier.Status;

    /// <summary>The status a triggered SignedFirmwareStatusNotification reports (ExtendedTriggerMessage). Read under the lock.</summary>
    public SignedFirmwareStatusNotificationRequest SignedStatus => _notifier.SignedStatus;

    /// <summary>
    /// UpdateFirmware (§5.19), under the lock: stores the request and returns the work that starts
    /// it once the answer has left, or null when an installation in progress keeps it from running.
    /// A request replaces one that is not installing yet.
    /// </summary>
    public Func<CancellationToken, Task>? Accept(UpdateFirmwareRequest request)
    {
        var update = new FirmwareUpdate
        {
            Location = request.Location,
            RetrieveDate = request.RetrieveDate,
            Retry = RetryPlan.From(request.Retries, request.RetryInterval),
        };
        return Replace(update, out _);
    }

    // Stores the update in place of one that is not installing yet; null while one installs.
    private Func<CancellationToken, Task>? Replace(FirmwareUpdate update, out bool replaced)
    {
        replaced = false;
        var location = UriText.Redact(update.Location);
        if (_state.Update is { Stage: FirmwareUpdateStage.Installing })
        {
            FirmwareLog.IgnoredWhileInstalling(_logger, location);
            return null;
        }

        if (_state.Update is { } previous)
        {
            replaced = true;
            var previousLocation = UriText.Redact(previous.Location);
            FirmwareLog.Superseded(_logger, previousLocation);
            StopRunning();
            if (previous is { Stage: FirmwareUpdateStage.Downloaded, FilePath: { } image })
            {
                _images.Delete(image);
            }
        }

        Save(_state with { Update = update });
        _notifier.Clear();
        FirmwareLog.Accepted(_logger, location, update.RetrieveDate, update.Retry.Retries, update.Retry.Interval.TotalSeconds);
        return _ =>
        {
            _runtime.RunLocked("start firmware update", _ =>
            {
                // A later request may have replaced this one before the answer left.
                if (ReferenceEquals(_state.Update, update))
                {
                    Start(update);
                }

                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// After the first accepted BootNotification of this instance (under the lock): reports what
    /// the update before the reboot owes (Installed) and resumes an update in progress.
    /// </summary>
    public void OnBootAccepted()
    {
        if (_resumed)
        {
            return;
        }

        _resumed = true;
        if (_state.ReportAfterBoot is { } report)
        {
            // Queued durably first: a power loss between the two steps reports it twice, never not at all.
            _notifier.NotifyAfterBoot(report, _state.ReportAfterBootRequestId);
            if (_state.ReportAfterBootRequestId is not null && report == FirmwareStatus.Installed)
            {
                _events?.Report(SecurityEventTypes.FirmwareUpdated, $"signed firmware {InstalledVersion} installed");
            }

            Save(_state with { ReportAfterBoot = null, ReportAfterBootRequestId = null });
            FirmwareLog.ReportedAfterBoot(_logger, report);
        }

        switch (_state.Update)
        {
            case null:
                break;
            case { Stage: FirmwareUpdateStage.Installing } interrupted:
                // The power went while the installer ran: the old firmware is what booted.
                FirmwareLog.InstallationInterrupted(_logger);
                Save(_state with { Update = null });
                Notify(interrupted, FirmwareStatusEnumType.InstallationFailed);
                _images.Delete(interrupted.FilePath);
                break;
            case var stored when _transfer is null:
                FirmwareLog.DroppedWithoutTransfer(_logger, UriText.Redact(stored.Location));
                Save(_state with { Update = null });
                break;
            case var stored:
                Start(stored);
                break;
        }
    }

    private void Save(StoredFirmware state)
    {
        _store.Save(state);
        _state = state;
    }

    // Sets the reported status and queues its notification durably (it is owed even across a power loss); under the lock.
    private void Notify(FirmwareUpdate update, FirmwareStatusEnumType status) => _notifier.Notify(update, status);

    // Not disposed here: the cancelled worker may still be reading its token. The source goes with
    // the station instance (a handful of updates per instance at most).
    private void StopRunning()
    {
        _running?.Cancel();
        _running = null;
    }

    private void Start(FirmwareUpdate update)
    {
        StopRunning();
        var running = CancellationTokenSource.CreateLinkedTokenSource(_runtime.Stopping);
        _running = running;
        var token = running.Token;
        _runtime.Run("firmware update", _ => RunAsync(update, token));
    }

    // Enters the lock for a state change of the update that owns cancellationToken; a replaced update's token is cancelled (under the lock) before anything else changes.
    private async Task<StationLock.Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        var releaser = await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            releaser.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return releaser;
    }

    private async Task RunAsync(FirmwareUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            if (update.Stage == FirmwareUpdateStage.Scheduled)
            {
                if (update.IsSigned && update.RetrieveDate > _runtime.Clock.GetUtcNow())
                {
                    using (await EnterAsync(cancellationToken).ConfigureAwait(false))
                    {
                        Notify(update, FirmwareStatusEnumType.DownloadScheduled);
                    }
                }

                await WaitForRetrieveDateAsync(update.RetrieveDate, cancellationToken).ConfigureAwait(false);
                var downloaded = await DownloadAsync(update, cancellationToken).ConfigureAwait(false);
                if (downloaded is null)
                {
                    return;
                }

                update = downloaded;
            }

            await InstallAsync(update, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Replaced by a newer request, or the station stops: the stored state says where to resume.
        }
    }

    private async Task WaitForRetrieveDateAsync(DateTimeOffset retrieveDate, CancellationToken cancellationToken)
    {
        var logged = false;
        while (retrieveDate - _runtime.Clock.GetUtcNow() is var remaining && remaining > TimeSpan.Zero)
        {
            if (!logged)
            {
                FirmwareLog.WaitingForRetrieveDate(_logger, retrieveDate);
                logged = true;
            }

            await Task.Delay(remaining < LongestWaitStep ? remaining : LongestWaitStep, _runtime.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns the update at stage Downloaded, or null once DownloadFailed was reported.
    private async Task<FirmwareUpdate?> DownloadAsync(FirmwareUpdate update, CancellationToken cancellationToken)
    {
        var path = _images.PathFor(update.Location);
        using (await EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            Notify(update, FirmwareStatusEnumType.Downloading);
        }

        var outcome = await update.Retry.RunAsync(
            ct => _images.TryDownloadAsync(update.Location, path, ct),
            (attempt, failure) => FirmwareLog.AttemptFailed(_logger, attempt, failure, update.Retry.Interval.TotalSeconds),
            _runtime.Clock,
            cancellationToken).ConfigureAwait(false);
        if (outcome.Failure is null)
        {
            return await DownloadedAsync(update, path, cancellationToken).ConfigureAwait(false);
        }

        using (await EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            FirmwareLog.DownloadFailed(_logger, outcome.Attempts, outcome.Failure);
            Save(_state with { Update = null });
            Notify(update, FirmwareStatusEnumType.DownloadFailed);
        }

        _images.Delete(path);
        return null;
    }

    private async Task InstallAsync(FirmwareUpdate update, CancellationToken cancellationToken)
    {
        var image = update.FilePath!;
        if (update.InstallDate is { } installAt && installAt > _runtime.Clock.GetUtcNow())
        {
            using (await EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                Notify(update, FirmwareStatusEnumType.InstallScheduled);
            }

            await WaitForRetrieveDateAsync(installAt, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            Task ended;
            using (await EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                var running = _transactions.Active.Count();
                if (running == 0)
                {
                    // Nothing may start while the installer runs: every connector is Unavailable.
                    _connectors.SetMaintenance(true);
                    Save(_state with { Update = update with { Stage = FirmwareUpdateStage.Installing } });
                    FirmwareLog.Installing(_logger, image);

                    Notify(update, FirmwareStatusEnumType.Installing);
                    break;
                }

                FirmwareLog.WaitingForTransactions(_logger, running);
                _transactionEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                ended = _transactionEnded.Task;
            }

            await ended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Installing leaves before the installer runs when the station is online; offline it is delivered after the reboot.
        await _notifications.WaitUntilDeliveredAsync(cancellationToken).ConfigureAwait(false);

        var result = await _images.TryInstallAsync(image, cancellationToken).ConfigureAwait(false);
        using (await EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (result.Succeeded)
            {
                FirmwareLog.Installed(_logger, result.Version!);
                Save(new StoredFirmware { InstalledVersion = result.Version, ReportAfterBoot = FirmwareStatus.Installed, ReportAfterBootRequestId = update.RequestId });
            }
            else
            {
                FirmwareLog.InstallationFailed(_logger, result.Error ?? "unknown");
                Save(_state with { Update = null });
                _connectors.SetMaintenance(false);
                Notify(update, FirmwareStatusEnumType.InstallationFailed);
            }
        }

        _images.Delete(image);
        if (result.Succeeded)
        {
            await NotifyRebootingAsync(update, cancellationToken).ConfigureAwait(false);

            // Sent after the reboot's BootNotification, with the time of the reboot.
            _events?.ReportOnNextConnection(SecurityEventTypes.ResetOrReboot, "reboot to run the installed firmware");
            _reboot($"firmware {result.Version} installed");
        }
    }
}
