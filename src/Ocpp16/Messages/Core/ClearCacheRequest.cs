namespace Ocpp16.Messages;

/// <summary>ClearCache.req: the request that empties the Authorization Cache (§5.4).</summary>
public sealed record ClearCacheRequest : IOcppRequest<ClearCacheResponse>;
