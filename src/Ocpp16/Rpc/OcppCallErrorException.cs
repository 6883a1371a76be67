using Ocpp16.Framing;

namespace Ocpp16.Rpc;

/// <summary>
/// A CALLERROR: thrown by <see cref="RpcConnection.CallAsync"/> when the peer answers with one, and
/// thrown by a handler to answer a CALL with one (for example PropertyConstraintViolation).
/// </summary>
public sealed class OcppCallErrorException : OcppException
{
    /// <summary>Creates the error with an OCPP-J error code.</summary>
    public OcppCallErrorException(OcppErrorCode errorCode, string description)
        : this(errorCode.ToString(), description)
    {
    }

    /// <summary>Creates the error with the code as the peer sent it.</summary>
    public OcppCallErrorException(string errorCode, string description)
        : base($"{errorCode}: {description}")
    {
        RawErrorCode = errorCode;
        // By exact name only: Enum.TryParse would also take "3" or "1,2" for a code.
        ErrorCode = Enum.GetNames<OcppErrorCode>().Contains(errorCode, StringComparer.Ordinal) ? Enum.Parse<OcppErrorCode>(errorCode) : OcppErrorCode.GenericError;
        Description = description;
    }

    /// <summary>The error code, <see cref="OcppErrorCode.GenericError"/> when the peer sent an unknown one.</summary>
    public OcppErrorCode ErrorCode { get; }

    /// <summary>The error code exactly as sent.</summary>
    public string RawErrorCode { get; }

    /// <summary>The error description.</summary>
    public string Description { get; }
}
