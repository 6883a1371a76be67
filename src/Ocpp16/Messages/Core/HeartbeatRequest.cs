namespace Ocpp16.Messages;

/// <summary>Heartbeat.req: the request that tells the Central System the Charge Point is alive and synchronises its clock (§4.6).</summary>
public sealed record HeartbeatRequest : IOcppRequest<HeartbeatResponse>;
