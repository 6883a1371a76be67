using System.Net;

namespace Ocpp16.Transport;

/// <summary>
/// The Central System refused the WebSocket upgrade with 401 Unauthorized (it refused the Charge
/// Point's HTTP Basic credentials, security profiles 1 and 2, or wanted some it did not get) or 403
/// Forbidden (for instance a Central System at security profile 3 offered no client certificate).
/// Not a network failure: dialling again with the same settings gets the same answer.
/// </summary>
public sealed class AuthenticationRefusedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public AuthenticationRefusedException(Uri endpoint, HttpStatusCode statusCode, string reason, Exception? innerException = null)
        : base($"{endpoint}: the Central System refused the connection ({(int)statusCode} {statusCode}): {reason}", innerException)
    {
        Endpoint = endpoint;
        StatusCode = statusCode;
    }

    /// <summary>The URL that was dialled.</summary>
    public Uri Endpoint { get; }

    /// <summary>401 or 403.</summary>
    public HttpStatusCode StatusCode { get; }
}
