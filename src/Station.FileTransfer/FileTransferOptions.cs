using System.Net.Security;

namespace Station.FileTransfer;

/// <summary>Timeouts and TLS trust of <see cref="FileTransferClient"/>.</summary>
public sealed record FileTransferOptions
{
    /// <summary>How long opening a TCP connection (FTP control and data, HTTP) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server may stay silent: an FTP reply, HTTP response headers, the next bytes of a file.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one whole download or upload may take, connecting included.</summary>
    public TimeSpan TransferTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Decides whether an https server's certificate is trusted; null uses the system's trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>
    /// The time source of the timeouts. Network safeguards run on real time: the station's virtual
    /// clock in tests must not time out a transfer that is still moving.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Validates the options once; throws with a one-line reason.</summary>
    public FileTransferOptions Validate()
    {
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(IdleTimeout, nameof(IdleTimeout));
        Positive(TransferTimeout, nameof(TransferTimeout));
        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        }
    }
}
