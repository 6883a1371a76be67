using System.Text.Json;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// A payload value that breaks a rule of the OCPP 1.6 schema, carrying the OCPP-J error code it maps to.
/// It derives from <see cref="JsonException"/> so that System.Text.Json adds the JSON path and rethrows it as is.
/// </summary>
public sealed class OcppJsonException : JsonException
{
    /// <summary>Creates the exception for a rule broken by a payload value.</summary>
    public OcppJsonException(OcppErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The OCPP-J error code the violation is answered with.</summary>
    public OcppErrorCode ErrorCode { get; }
}
