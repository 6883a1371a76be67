namespace Station.Host.Demo;

/// <summary>One CALL and the time until its answer arrived, seen by the side that sent it.</summary>
/// <param name="Action">The action called.</param>
/// <param name="Elapsed">From sending the CALL to receiving its CALLRESULT or CALLERROR.</param>
public sealed record RoundTrip(string Action, TimeSpan Elapsed);
