namespace Ocpp16.Rpc;

/// <summary>Settings of an OCPP-J connection.</summary>
public sealed record RpcOptions
{
    /// <summary>
    /// How long to wait for the answer to a CALL. The default is the 60 s the certification lab
    /// uses as its response timeout.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether answers (CALLRESULT payloads) must follow the schema to the letter, as incoming
    /// CALLs always must. False (the default) reads them leniently: unknown properties are
    /// ignored, an explicit <c>null</c> of an optional property counts as absent and a date-time
    /// without offset is taken as UTC, each logged once per connection, action and kind. An answer
    /// that cannot be used (a required property missing or of the wrong JSON type, an unknown enum
    /// member, an over-long string) fails the call with an <see cref="OcppProtocolException"/> in
    /// both modes. True refuses every deviation, for conformance testing.
    /// </summary>
    public bool StrictAnswers { get; init; }

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
