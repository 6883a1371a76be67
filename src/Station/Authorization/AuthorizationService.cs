using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Connection;
using Station.Runtime;

namespace Station.Authorization;

/// <summary>
/// Decides whether an identifier may charge (OCPP 1.6 §3.5, §4.1): online through Authorize,
/// short-cut by <c>LocalPreAuthorize</c> for identifiers known locally; offline through the
/// Local Authorization List and the cache (<c>LocalAuthorizeOffline</c>, C-01) or, for unknown
/// identifiers, <c>AllowOfflineTxForUnknownId</c> (C-02). An Authorize without an answer counts as
/// offline; one answered with a CALLERROR refuses the identifier (the Central System is there and
/// did not authorize it). Runs without the station lock: it may wait for the Central System.
/// </summary>
public sealed class AuthorizationService
{
    private readonly CentralSystemLink _link;
    private readonly OutgoingMessages _outgoing;
    private readonly IStationConfiguration _configuration;
    private readonly ILocalAuthList? _localList;
    private readonly StationClock _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the block; <paramref name="localList"/> is null for a station without the Local Auth List Management profile.</summary>
    public AuthorizationService(
        CentralSystemLink link, OutgoingMessages outgoing, IStationConfiguration configuration, AuthorizationCache cache, ILocalAuthList? localList, StationRuntime runtime)
    {
        _link = link;
        _outgoing = outgoing;
        _configuration = configuration;
        Cache = cache;
        _localList = localList;
        _clock = runtime.Clock;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Authorization");
    }

    /// <summary>The authorization cache.</summary>
    public AuthorizationCache Cache { get; }

    /// <summary>Decides about <paramref name="idTag"/>, asking the Central System when the rules require it.</summary>
    public async Task<AuthorizationResult> AuthorizeAsync(string idTag, CancellationToken cancellationToken = default)
    {
        var local = FindLocally(idTag);
        if (_link.IsOnline)
        {
            if (_configuration.GetBool(CoreKeys.LocalPreAuthorize) && local is { IsAccepted: true })
            {
                return Decide(local);
            }

            try
            {
                var answer = await _outgoing.SendAsync(new AuthorizeRequest { IdTag = idTag }, cancellationToken).ConfigureAwait(false);
                Remember(idTag, answer.IdTagInfo);
                return Decide(new AuthorizationResult(idTag, answer.IdTagInfo, AuthorizationSource.CentralSystem));
            }
            catch (Exception ex) when (ex is OcppCallErrorException or OcppProtocolException)
            {
                // The Central System is reachable and answered, but did not authorize: the offline
                // rules (AllowOfflineTxForUnknownId) are for a Central System that cannot be reached.
                AuthorizationLog.AuthorizeRefusedByError(_logger, idTag, ex.Message);
                return Decide(new AuthorizationResult(idTag, new IdTagInfo { Status = AuthorizationStatus.Invalid }, AuthorizationSource.CentralSystemError));
            }
            catch (OcppException ex)
            {
                // No answer (timeout) or no connection: as offline.
                AuthorizationLog.AuthorizeFailed(_logger, idTag, ex.Message);
            }
        }

        return Decide(DecideOffline(idTag, local));
    }

    /// <summary>Finds <paramref name="idTag"/> in the Local Authorization List, then in the cache (the list prevails, §3.5.3).</summary>
    public AuthorizationResult? FindLocally(string idTag)
    {
        if (_localList?.Find(idTag) is { } listed)
        {
            return new AuthorizationResult(idTag, Expire(listed), AuthorizationSource.LocalList);
        }

        if (_configuration.GetBool(CoreKeys.AuthorizationCacheEnabled) && Cache.Find(idTag) is { } cached)
        {
            return new AuthorizationResult(idTag, Expire(cached), AuthorizationSource.Cache);
        }

        return null;
    }

    /// <summary>
    /// Updates the cache from an idTagInfo the Central System gave (Authorize, StartTransaction,
    /// StopTransaction); §3.5.4: an identifier on the Local Authorization List is not cached.
    /// </summary>
    public void Remember(string idTag, IdTagInfo info)
    {
        if (_configuration.GetBool(CoreKeys.AuthorizationCacheEnabled) && _localList?.Find(idTag) is null)
        {
            Cache.Remember(idTag, info, _clock.GetUtcNow());
        }
    }

    /// <summary>ClearCache (§5.4).</summary>
    public void ClearCache()
    {
        Cache.Clear();
        AuthorizationLog.CacheCleared(_logger);
    }

    private AuthorizationResult DecideOffline(string idTag, AuthorizationResult? local)
    {
        if (local is not null && _configuration.GetBool(CoreKeys.LocalAuthorizeOffline))
        {
            return local;
        }

        // An identifier known to be blocked, expired or invalid is never let through as "unknown".
        var knownRefused = local is { IsAccepted: false };
        if (!knownRefused && _configuration.GetBool(CoreKeys.AllowOfflineTxForUnknownId))
        {
            return new AuthorizationResult(idTag, new IdTagInfo { Status = AuthorizationStatus.Accepted }, AuthorizationSource.OfflineUnknown);
        }

        var status = knownRefused ? local!.Info.Status : AuthorizationStatus.Invalid;
        return new AuthorizationResult(idTag, new IdTagInfo { Status = status }, AuthorizationSource.OfflineRefused);
    }

    private IdTagInfo Expire(IdTagInfo info) =>
        info.Status == AuthorizationStatus.Accepted && info.ExpiryDate is { } expiry && expiry <= _clock.GetUtcNow()
            ? info with { Status = AuthorizationStatus.Expired }
            : info;

    private AuthorizationResult Decide(AuthorizationResult result)
    {
        AuthorizationLog.Decided(_logger, result.IdTag, result.Info.Status, result.Source);
        return result;
    }
}
