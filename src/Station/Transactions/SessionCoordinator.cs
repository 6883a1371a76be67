using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Authorization;
using Station.Configuration;
using Station.Connectors;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>
/// Decides what a presented card, a stop button or a remote start/stop means for the sessions:
/// whom to stop, where to start, and when to ask the Central System first. Members run under the
/// station lock; authorization that waits for the network runs in the background and comes back
/// under the lock.
/// </summary>
public sealed class SessionCoordinator
{
    private readonly TransactionService _transactions;
    private readonly ConnectorService _connectors;
    private readonly AuthorizationService _authorization;
    private readonly IStationConfiguration _configuration;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;

    /// <summary>Creates the coordinator.</summary>
    public SessionCoordinator(
        TransactionService transactions, ConnectorService connectors, AuthorizationService authorization, IStationConfiguration configuration, StationRuntime runtime)
    {
        _transactions = transactions;
        _connectors = connectors;
        _authorization = authorization;
        _configuration = configuration;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Transactions");
    }

    /// <summary>
    /// C-07/C-08: a card stops the transaction it started; presented again while it waits for the
    /// cable, it withdraws its authorization; otherwise it is authorized, then prepares a free
    /// connector (TC_006: one reader for several connectors) or, when no connector is free, stops a
    /// transaction of the same group (parentIdTag, TC_069).
    /// </summary>
    public async Task OnIdTagPresentedAsync(string idTag)
    {
        if (_transactions.Active.FirstOrDefault(t => SameId(t.IdTag, idTag)) is { } own)
        {
            TransactionsLog.CardStopsOwnTransaction(_logger, idTag, own.ConnectorId);
            await _transactions.StopAsync(own, Reason.Local, idTag).ConfigureAwait(false);
            return;
        }

        for (var connectorId = 0; connectorId <= _connectors.Count; connectorId++)
        {
            if (_transactions.PendingOn(connectorId) is { } pending && SameId(pending.IdTag, idTag))
            {
                TransactionsLog.CardWithdrawsAuthorization(_logger, idTag);
                _transactions.CancelAuthorization(connectorId, "presented again");
                return;
            }
        }

        // Ask nothing of the Central System for a card that could neither stop nor start anything (TC_068).
        var couldStopByGroup = _transactions.Active.Any(t => t.ParentIdTag is not null);
        if (!couldStopByGroup && FreeConnectors().Count == 0)
        {
            TransactionsLog.CardIgnored(_logger, idTag);
            return;
        }

        // A card accepted on the Local Authorization List brings its parentIdTag with it: with no
        // connector to start on, the list alone decides whether it stops a transaction of its group.
        if (FreeConnectors().Count == 0 && _authorization.FindLocally(idTag) is { Source: AuthorizationSource.LocalList, IsAccepted: true } listed)
        {
            await ApplyCardAuthorizationAsync(idTag, listed).ConfigureAwait(false);
            return;
        }

        _runtime.Run($"authorize {idTag}", async cancellationToken =>
        {
            var result = await _authorization.AuthorizeAsync(idTag, cancellationToken).ConfigureAwait(false);
            using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                await ApplyCardAuthorizationAsync(idTag, result).ConfigureAwait(false);
            }
        });
    }

    /// <summary>The local stop button ends the connector's transaction (reason Local) or its waiting authorization.</summary>
    public async Task OnStopButtonAsync(int connectorId)
    {
        if (_transactions.On(connectorId) is { } transaction)
        {
            await _transactions.StopAsync(transaction, Reason.Local).ConfigureAwait(false);
        }
        else
        {
            _transactions.CancelAuthorization(connectorId, "stop button");
        }
    }

    /// <summary>
    /// Checks a RemoteStartTransaction (§5.11) and picks its connector; null means Rejected.
    /// Connector 0 is refused (TC_027), as is a busy, faulted or unavailable connector (TC_026).
    /// </summary>
    public int? AcceptRemoteStart(RemoteStartTransactionRequest request)
    {
        if (request.ChargingProfile is { ChargingProfilePurpose: not ChargingProfilePurposeType.TxProfile })
        {
            return null;
        }

        if (request.ConnectorId is { } requested)
        {
            if (requested <= 0 || !_connectors.IsUsable(requested))
            {
                return null;
            }

            var pending = _transactions.PendingOn(requested);
            return pending is null || SameId(pending.IdTag, request.IdTag) ? requested : null;
        }

        // Without a connector: the one with a cable waiting, else the first free one.
        var free = FreeConnectors();
        if (free.Count == 0)
        {
            return null;
        }

        var plugged = free.FirstOrDefault(id => _connectors[id].CablePlugged);
        return plugged > 0 ? plugged : free[0];
    }

    /// <summary>
    /// After RemoteStartTransaction was accepted: authorizes the idTag first when
    /// <c>AuthorizeRemoteTxRequests</c> says so, then prepares the connector.
    /// </summary>
    public async Task RemoteStartAsync(int connectorId, string idTag, ChargingProfile? chargingProfile, CancellationToken cancellationToken)
    {
        string? parentIdTag;
        if (_configuration.GetBool(CoreKeys.AuthorizeRemoteTxRequests))
        {
            var result = await _authorization.AuthorizeAsync(idTag, cancellationToken).ConfigureAwait(false);
            if (!result.IsAccepted)
            {
                TransactionsLog.RemoteStartRefused(_logger, idTag, result.Info.Status);
                return;
            }

            parentIdTag = result.Info.ParentIdTag;
        }
        else
        {
            parentIdTag = _authorization.FindLocally(idTag)?.Info.ParentIdTag;
        }

        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_connectors.IsUsable(connectorId) && _transactions.On(connectorId) is null)
            {
                await _transactions.AuthorizeAsync(connectorId, new PendingAuthorization(idTag, parentIdTag, chargingProfile)).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyCardAuthorizationAsync(string idTag, AuthorizationResult result)
    {
        if (!result.IsAccepted || !SameId(result.IdTag, idTag))
        {
            TransactionsLog.CardRefused(_logger, idTag, result.Info.Status);
            return;
        }

        var free = FreeConnectors();
        if (free.Count == 0)
        {
            // Only with no connector to start on does a card of the group stop: the parent must be the
            // one this card's own authorization gave, and equal the transaction's (CiString20).
            if (result.Info.ParentIdTag is { } parent
                && _transactions.Active.FirstOrDefault(t => !SameId(t.IdTag, idTag) && t.ParentIdTag is { } p && SameId(p, parent)) is { } groupTransaction)
            {
                TransactionsLog.CardStopsGroupTransaction(_logger, idTag, parent, groupTransaction.ConnectorId);
                await _transactions.StopAsync(groupTransaction, Reason.Local, idTag).ConfigureAwait(false);
                return;
            }

            TransactionsLog.CardWithoutConnector(_logger, idTag);
            return;
        }

        var plugged = free.Where(id => _connectors[id].CablePlugged).ToList();
        var target = plugged.Count == 1 ? plugged[0] : free.Count == 1 ? free[0] : 0;
        await _transactions.AuthorizeAsync(target, new PendingAuthorization(idTag, result.Info.ParentIdTag)).ConfigureAwait(false);
    }

    // Connectors where a new session can begin: usable and not already holding an authorization.
    private List<int> FreeConnectors() =>
        [.. Enumerable.Range(1, _connectors.Count).Where(id => _connectors.IsUsable(id) && _transactions.PendingOn(id) is null && _connectors[id].Session != SessionPhase.Finishing)];

    // idTags are CiString: case-insensitive (OCPP 1.6 §7, CiString20Type).
    private static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
