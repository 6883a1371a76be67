namespace Ocpp16.Rpc;

/// <summary>Settings of an OCPP-J connection.</summary>
public sealed record RpcOptions
{
    /// <summary>
    /// How long to wait for the answer to a CALL. The default is the 60 s the certification lab
    /// uses as its response timeout.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Validates the options once, at start-up.</summary>
    public RpcOptions Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ResponseTimeout), ResponseTimeout, "the response timeout must be positive");
        }

        return this;
    }
}
