namespace Station.Hardware;

/// <summary>What happened when the station asked a connector lock to release the cable.</summary>
public enum UnlockOutcome
{
    /// <summary>The cable is released.</summary>
    Unlocked,

    /// <summary>The lock did not open.</summary>
    Failed,
}
