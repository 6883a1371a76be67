namespace Ocpp16.Json;

/// <summary>
/// What a lenient read of an answer (a CALLRESULT payload) tolerates that the schema forbids:
/// deviations common in the field that leave the answer usable.
/// </summary>
internal enum AnswerLeniency
{
    /// <summary>A property the schema does not define (<c>additionalProperties: false</c>): ignored.</summary>
    UnknownProperty,

    /// <summary>An explicit <c>null</c> for an optional property (the schemas allow no nulls): treated as absent.</summary>
    NullOptionalProperty,

    /// <summary>A date-time without offset (<c>2026-03-17T10:00:00</c>; RFC 3339 requires one): taken as UTC.</summary>
    DateTimeWithoutOffset,
}
