namespace Station.Model;

/// <summary>Whether a connector delivers alternating or direct current.</summary>
public enum CurrentType
{
    /// <summary>Alternating current.</summary>
    AC,

    /// <summary>Direct current.</summary>
    DC,
}
