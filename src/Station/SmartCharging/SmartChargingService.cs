using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Configuration;
using Station.Model;
using Station.Runtime;
using Station.Transactions;

namespace Station.SmartCharging;

/// <summary>
/// Owns the installed charging profiles: installs, replaces and clears them as the Central System
/// asks (validated by <see cref="ChargingProfileValidator"/>), installs the TxProfile of a remote
/// start, removes TxProfiles when their transaction ends, persists every change before it is
/// answered, and answers composite schedules. Every member runs under the station lock.
/// </summary>
public sealed class SmartChargingService : IRemoteStartProfiles
{
    private readonly StationModel _model;
    private readonly IChargingProfileStore _store;
    private readonly IStationConfiguration _configuration;
    private readonly TransactionService _transactions;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;

    /// <summary>Creates the block's service.</summary>
    public SmartChargingService(
        StationModel model, IChargingProfileStore store, IStationConfiguration configuration, TransactionService transactions, StationRuntime runtime)
    {
        _model = model;
        _store = store;
        _configuration = configuration;
        _transactions = transactions;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.SmartCharging");
    }

    /// <summary>Raised, under the station lock, after the installed profiles or the transactions they depend on changed.</summary>
    public event Action? Changed;

    /// <summary>The installed profiles.</summary>
    public InstalledProfileSet Profiles { get; private set; } = InstalledProfileSet.Empty;

    /// <summary>
    /// Loads the persisted profiles. A TxProfile whose transaction did not survive (a power loss
    /// closes every transaction) is dropped, as its transaction's end would have.
    /// </summary>
    public void Recover()
    {
        var profiles = InstalledProfileSet.From(_store.Load());
        foreach (var connector in Enumerable.Range(1, _model.Connectors.Count).Where(id => _transactions.On(id) is null))
        {
            profiles = profiles.EndTransaction(connector);
        }

        Replace(profiles);
        SmartChargingLog.Recovered(_logger, Profiles.Count);
    }

    /// <summary>The station as the calculation sees it now: each connector's supply and running transaction.</summary>
    public StationSituation Situation() => new()
    {
        Connectors = [.. _model.Connectors.Select((connector, index) => new ConnectorSituation(
            index + 1,
            new ElectricalSupply((decimal)connector.VoltageV, connector.Phases, (decimal)connector.MaxCurrentA),
            _transactions.On(index + 1) is { } transaction ? new ConnectorTransaction(transaction.StartedAt, transaction.TransactionId) : null))],
    };

    /// <summary>SetChargingProfile (§5.16): installs the profile when it is valid; nothing changes when it is not.</summary>
    public ProfileCheck Set(SetChargingProfileRequest request)
    {
        var check = ChargingProfileValidator.CheckSetChargingProfile(request, Situation(), SmartChargingKeys.Read(_configuration), Profiles);
        if (!check.IsAccepted)
        {
            SmartChargingLog.Rejected(_logger, request.CsChargingProfiles.ChargingProfileId, request.ConnectorId, check.Reason!);
            return check;
        }

        Install(request.ConnectorId, request.CsChargingProfiles);
        return check;
    }

    /// <summary>ClearChargingProfile (§5.5): Accepted when a profile was removed, Unknown when none matched.</summary>
    public ClearChargingProfileStatus Clear(ClearChargingProfileRequest request)
    {
        var outcome = Profiles.Clear(request);
        SmartChargingLog.Cleared(_logger, outcome.Removed.Count, outcome.Status);
        if (outcome.Removed.Count > 0)
        {
            Replace(outcome.Profiles);
        }

        return outcome.Status;
    }

    /// <summary>GetCompositeSchedule (§5.7) from now.</summary>
    public GetCompositeScheduleResponse Composite(GetCompositeScheduleRequest request)
    {
        var result = CompositeScheduleCalculator.Calculate(
            Profiles, Situation(), request.ConnectorId, _runtime.Clock.GetUtcNow(), request.Duration, request.ChargingRateUnit);
        if (result.Reason is { } reason)
        {
            SmartChargingLog.CompositeRejected(_logger, request.ConnectorId, reason);
        }

        return result.ToResponse();
    }

    /// <inheritdoc/>
    public bool Accepts(ChargingProfile profile, int connectorId)
    {
        var check = ChargingProfileValidator.CheckRemoteStartProfile(profile, connectorId, Situation(), SmartChargingKeys.Read(_configuration), Profiles);
        if (!check.IsAccepted)
        {
            SmartChargingLog.Rejected(_logger, profile.ChargingProfileId, connectorId, check.Reason!);
        }

        return check.IsAccepted;
    }

    /// <summary>A transaction started: the TxProfile of its RemoteStartTransaction, if any, is installed for it (TC_059).</summary>
    public void OnTransactionStarted(Transaction transaction)
    {
        if (transaction.ChargingProfile is { } profile && Accepts(profile, transaction.ConnectorId))
        {
            Install(transaction.ConnectorId, profile);
            return;
        }

        Changed?.Invoke();
    }

    /// <summary>A transaction ends: its TxProfiles go with it (§3.13.1).</summary>
    public void OnTransactionEnding(Transaction transaction)
    {
        var remaining = Profiles.EndTransaction(transaction.ConnectorId);
        if (remaining.Count != Profiles.Count)
        {
            SmartChargingLog.TxProfilesRemoved(_logger, transaction.ConnectorId, Profiles.Count - remaining.Count);
            Replace(remaining);
        }

        Changed?.Invoke();
    }

    private void Install(int connectorId, ChargingProfile profile)
    {
        Replace(Profiles.Install(connectorId, profile));
        SmartChargingLog.Installed(_logger, profile.ChargingProfileId, profile.ChargingProfilePurpose, profile.StackLevel, connectorId);
    }

    // Persisted before the answer leaves: what the Central System was told is installed survives a power loss.
    private void Replace(InstalledProfileSet profiles)
    {
        _store.Save(profiles);
        Profiles = profiles;
        Changed?.Invoke();
    }
}
