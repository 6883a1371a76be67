namespace Ocpp16.Messages;

/// <summary>MeterValues.conf: the answer to the request that reports sampled or clock-aligned meter readings (§4.7).</summary>
public sealed record MeterValuesResponse : IOcppResponse;
