namespace Station.Benchmarks.Codec;

/// <summary>The typical messages the codec benchmarks run over ([Params]).</summary>
public enum MessageShape
{
    /// <summary>Heartbeat.req: the smallest CALL, an empty payload.</summary>
    Heartbeat,

    /// <summary>StartTransaction.req: a small flat payload with a timestamp.</summary>
    StartTransaction,

    /// <summary>MeterValues.req with one meter value of 4 sampled values (MeterValuesSampledDataMaxLength).</summary>
    MeterValues4,

    /// <summary>GetConfiguration.conf with 24 keys (GetConfigurationMaxKeys): the largest routine answer.</summary>
    GetConfiguration24,
}
