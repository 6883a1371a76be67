using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>Why a payload was refused: the OCPP-J error code to answer with and a one-line description.</summary>
/// <param name="Code">The CALLERROR code.</param>
/// <param name="Description">What was wrong, naming the offending field by its JSON path.</param>
public readonly record struct PayloadError(OcppErrorCode Code, string Description);
