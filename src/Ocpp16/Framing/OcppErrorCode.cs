namespace Ocpp16.Framing;

/// <summary>
/// The error codes of an OCPP-J CALLERROR (OCPP-J 1.6 §4.2.3). The wire text is the member name,
/// including the specification's own spelling of <see cref="OccurenceConstraintViolation"/>.
/// </summary>
public enum OcppErrorCode
{
    /// <summary>Requested Action is not known by the receiver.</summary>
    NotImplemented,

    /// <summary>Requested Action is recognized but not supported by the receiver.</summary>
    NotSupported,

    /// <summary>An internal error occurred and the receiver was not able to process the requested Action.</summary>
    InternalError,

    /// <summary>Payload for Action is incomplete.</summary>
    ProtocolError,

    /// <summary>During the processing of Action a security issue occurred.</summary>
    SecurityError,

    /// <summary>Payload for Action is syntactically incorrect or does not conform to the PDU structure.</summary>
    FormationViolation,

    /// <summary>Payload is syntactically correct but at least one field contains an invalid value.</summary>
    PropertyConstraintViolation,

    /// <summary>Payload is syntactically correct but at least one field violates occurrence constraints.</summary>
    OccurenceConstraintViolation,

    /// <summary>Payload is syntactically correct but at least one field violates data type constraints.</summary>
    TypeConstraintViolation,

    /// <summary>Any other error not covered by the other codes.</summary>
    GenericError,
}
