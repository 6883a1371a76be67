using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Authorization;
using Station.Configuration;
using Station.Runtime;

namespace Station.LocalAuthList;

/// <summary>
/// The Local Authorization List (OCPP 1.6 §3.5.3, §5.10, §5.15): the single owner of its version
/// and entries. An update is planned first, written to the store in one transaction, and only
/// then published, so a failed write changes nothing and a power loss keeps the list before or
/// after it. Lookups (<see cref="Find"/>) read the published contents without a lock.
/// </summary>
public sealed class LocalAuthListService : ILocalAuthList
{
    private readonly ILocalAuthListStore _store;
    private readonly IStationConfiguration _configuration;
    private readonly ILogger _logger;
    private volatile LocalAuthListContents _contents;

    /// <summary>Loads the stored list.</summary>
    public LocalAuthListService(ILocalAuthListStore store, IStationConfiguration configuration, StationRuntime runtime)
    {
        _store = store;
        _configuration = configuration;
        _logger = runtime.LoggerFactory.CreateLogger("Station.LocalAuthList");
        _contents = LocalAuthListContents.From(store.Load());
        LocalAuthListLog.Loaded(_logger, _contents.Version, _contents.Entries.Count);
    }

    /// <summary>Whether the list is used (<c>LocalAuthListEnabled</c>).</summary>
    public bool Enabled => _configuration.GetBool(LocalAuthListKeys.LocalAuthListEnabled);

    /// <summary>The list as it is now, enabled or not.</summary>
    public LocalAuthListContents Contents => _contents;

    /// <summary>GetLocalListVersion (§5.10): -1 while the list is disabled, 0 for an empty list, else the version of the last update.</summary>
    public int ReportedVersion => Enabled ? _contents.Version : -1;

    /// <inheritdoc/>
    public IdTagInfo? Find(string idTag) =>
        Enabled && _contents.Entries.TryGetValue(idTag, out var info) ? info : null;

    /// <summary>SendLocalList (§5.15): applies the update, or changes nothing and says why not.</summary>
    public UpdateStatus Apply(SendLocalListRequest request)
    {
        if (!Enabled)
        {
            LocalAuthListLog.Refused(_logger, request.UpdateType, request.ListVersion, UpdateStatus.NotSupported, "LocalAuthListEnabled is false");
            return UpdateStatus.NotSupported;
        }

        var plan = LocalAuthListPlan.For(
            _contents, request, _configuration.GetInt(LocalAuthListKeys.SendLocalListMaxLength), _configuration.GetInt(LocalAuthListKeys.LocalAuthListMaxLength));
        if (plan.Result is not { } result)
        {
            LocalAuthListLog.Refused(_logger, request.UpdateType, request.ListVersion, plan.Status, plan.Reason);
            return plan.Status;
        }

        try
        {
            if (request.UpdateType == UpdateType.Full)
            {
                _store.Replace(result.Version, plan.Upserts);
            }
            else
            {
                _store.Update(result.Version, plan.Upserts, plan.Removals);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            // §7.43 Failed: the store rolled back, and the list in memory was never touched.
            LocalAuthListLog.StoreFailed(_logger, ex, request.UpdateType, request.ListVersion);
            return UpdateStatus.Failed;
        }

        _contents = result;
        LocalAuthListLog.Updated(_logger, request.UpdateType, result.Version, result.Entries.Count);
        return UpdateStatus.Accepted;
    }
}
