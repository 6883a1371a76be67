namespace Station.Benchmarks.Transport;

/// <summary>How a benchmarked connection is secured (security whitepaper profiles).</summary>
public enum ConnectionKind
{
    /// <summary>ws://, no TLS (profile 1 without its Basic header).</summary>
    Plain,

    /// <summary>wss:// with an ECDSA P-256 server certificate (profile 2).</summary>
    TlsEcdsa,

    /// <summary>wss:// with an RSA 2048 server certificate (profile 2).</summary>
    TlsRsa,

    /// <summary>wss:// with ECDSA server and client certificates (profile 3).</summary>
    MutualTlsEcdsa,
}
