using System.Globalization;
using Ocpp16.Messages;
using Station.Configuration;

namespace Station.LocalAuthList;

/// <summary>The configuration keys of the Local Auth List Management profile (OCPP 1.6 §9.3).</summary>
public static class LocalAuthListKeys
{
    /// <summary>Whether the Local Authorization List is used (and may be updated).</summary>
    public const string LocalAuthListEnabled = nameof(LocalAuthListEnabled);

    /// <summary>The most identifiers the list may hold.</summary>
    public const string LocalAuthListMaxLength = nameof(LocalAuthListMaxLength);

    /// <summary>The most identifiers one SendLocalList may carry.</summary>
    public const string SendLocalListMaxLength = nameof(SendLocalListMaxLength);

    /// <summary>
    /// The built-in list size: thousands of cards, looked up in memory. A model may change it
    /// (within <see cref="Limit"/>).
    /// </summary>
    public const int DefaultListLength = 10_000;

    /// <summary>
    /// The built-in batch size: 1,000 entries of at most ~130 bytes of JSON each stay well under the
    /// 1 MiB a message may have, so a long list arrives as a Full update and Differential batches.
    /// </summary>
    public const int DefaultBatchLength = 1_000;

    /// <summary>The largest list or batch length a model may give.</summary>
    public const int Limit = 1_000_000;

    /// <summary>The keys, with the defaults a model may adjust.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions { get; } =
    [
        new ConfigurationKeyDefinition
        {
            Name = LocalAuthListEnabled,
            Type = ConfigurationValueType.Boolean,
            Profile = FeatureProfile.LocalAuthListManagement,
            DefaultValue = "true",
            Description = "Use the Local Authorization List (false: GetLocalListVersion answers -1, SendLocalList NotSupported, the entries are kept).",
        },
        Length(LocalAuthListMaxLength, DefaultListLength, "Most identifiers in the Local Authorization List; a larger result of SendLocalList is Failed."),
        Length(SendLocalListMaxLength, DefaultBatchLength, "Most identifiers in one SendLocalList; a larger request is Failed."),
    ];

    private static ConfigurationKeyDefinition Length(string name, int value, string description) => new()
    {
        Name = name,
        Type = ConfigurationValueType.Integer,
        Profile = FeatureProfile.LocalAuthListManagement,
        ReadOnly = true,
        DefaultValue = value.ToString(CultureInfo.InvariantCulture),
        Min = 1,
        Max = Limit,
        Description = description,
    };
}
