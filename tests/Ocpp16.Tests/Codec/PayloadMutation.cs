using Ocpp16.Framing;

namespace Ocpp16.Tests.Codec;

/// <summary>
/// One variant of a valid payload: its JSON and, for an invalid one, the CALLERROR code it must get;
/// <paramref name="ExpectedLenient"/> is what a lenient read of an answer gives (null: accepted).
/// </summary>
internal sealed record PayloadMutation(string Description, string Json, OcppErrorCode? Expected, OcppErrorCode? ExpectedLenient);
