using Ocpp16.Transport;

namespace Station.Connection;

/// <summary>
/// The security block's part in each connection attempt (security whitepaper, secure connection
/// setup): it sets the credentials, trusted roots and client certificate of the current security
/// profile, and hears how the attempt went (a refused password or certificate is a security event,
/// a new profile that cannot connect falls back to the previous one).
/// </summary>
public interface IConnectionSecurity
{
    /// <summary>The options of the next attempt, with the current profile's settings applied.</summary>
    WebSocketClientOptions Apply(WebSocketClientOptions options);

    /// <summary>The attempt with <see cref="Apply"/>'s settings connected.</summary>
    void Connected();

    /// <summary>The attempt failed; <paramref name="failure"/> is what the transport threw.</summary>
    void ConnectFailed(Exception failure);
}
