using Ocpp16.Framing;

namespace Ocpp16.Tests.Fuzz;

/// <summary>
/// A payload as JSON text and, for a broken one, the CALLERROR code of the rule it breaks and which
/// rule; <paramref name="LenientCode"/> is what a lenient read of an answer gives (null: accepted).
/// </summary>
internal sealed record GeneratedPayload(string Json, OcppErrorCode? Code, string What, OcppErrorCode? LenientCode);
