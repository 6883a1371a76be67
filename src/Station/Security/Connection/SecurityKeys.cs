using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Security.Connection;

/// <summary>The connection keys of the security whitepaper (edition 3): the security profile and the Basic password.</summary>
public static class SecurityKeys
{
#pragma warning disable CS1591 // The names are the whitepaper's key names; their meaning is in the definitions below.
    public const string SecurityProfile = nameof(SecurityProfile);
    public const string AuthorizationKey = nameof(AuthorizationKey);
#pragma warning restore CS1591

    /// <summary>The definitions, with this station's defaults.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions() =>
    [
        new()
        {
            Name = SecurityProfile,
            Type = ConfigurationValueType.Integer,
            Profile = FeatureProfile.Security,
            DefaultValue = "0",
            Min = 0,
            Max = 3,
            Description = "0 none, 1 HTTP Basic over ws://, 2 TLS (Central System certificate checked) + Basic, 3 mutual TLS. Only a higher value is accepted.",
        },
        new()
        {
            Name = AuthorizationKey,
            Type = ConfigurationValueType.Text,
            Profile = FeatureProfile.Security,
            DefaultValue = string.Empty,
            WriteOnly = true,

            // The whitepaper's password: 16 to 40 characters. Empty is "none set" (the default only).
            ValueRule = static value => value.Length is 0 or (>= 16 and <= 40) ? null : "must be 16 to 40 characters",
            Description = "The HTTP Basic password (profiles 1 and 2; the user name is the charge point id). Write-only: never read back, never logged.",
        },
    ];
}
