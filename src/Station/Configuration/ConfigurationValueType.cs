namespace Station.Configuration;

/// <summary>The value types of OCPP 1.6 configuration keys (§9).</summary>
public enum ConfigurationValueType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number, within the key's range.</summary>
    Integer,

    /// <summary>A comma-separated list (CSL).</summary>
    List,

    /// <summary>Free text.</summary>
    Text,
}
