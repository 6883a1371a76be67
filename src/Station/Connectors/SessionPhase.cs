namespace Station.Connectors;

/// <summary>
/// Where a connector is in a charging session, as the transaction block publishes it for the
/// connector's status.
/// </summary>
public enum SessionPhase
{
    /// <summary>No authorization, no transaction.</summary>
    Idle,

    /// <summary>An identifier is authorized and waits for the cable (or a cable waits for an identifier to start).</summary>
    Authorized,

    /// <summary>A transaction runs and the station offers power.</summary>
    Charging,

    /// <summary>A transaction runs but the station withholds power (invalid idTag, energy limit reached).</summary>
    SuspendedByStation,

    /// <summary>The transaction ended and the cable is still plugged in.</summary>
    Finishing,
}
