namespace Station.Configuration;

/// <summary>What the other blocks read of the configuration.</summary>
public interface IStationConfiguration
{
    /// <summary>Raised, under the station lock, after a key changed value.</summary>
    event Action<string>? Changed;

    /// <summary>The value of a boolean key.</summary>
    bool GetBool(string key);

    /// <summary>The value of an integer key.</summary>
    int GetInt(string key);

    /// <summary>The members of a list key.</summary>
    IReadOnlyList<string> GetList(string key);

    /// <summary>The seconds of an interval key as a time span.</summary>
    TimeSpan GetSeconds(string key);

    /// <summary>
    /// Sets a key from inside the station (e.g. HeartbeatInterval from the BootNotification answer),
    /// read-only keys included; a value outside the key's range is clamped for integers. Returns the value set.
    /// </summary>
    string SetFromStation(string key, string value);
}
