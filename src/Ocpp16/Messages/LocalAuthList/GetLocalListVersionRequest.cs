namespace Ocpp16.Messages;

/// <summary>GetLocalListVersion.req: the request that reads the version of the Local Authorization List (§5.10).</summary>
public sealed record GetLocalListVersionRequest : IOcppRequest<GetLocalListVersionResponse>;
