using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Security.Certificates;

/// <summary>The certificate keys of the security whitepaper (edition 3, configuration keys).</summary>
public static class CertificateKeys
{
#pragma warning disable CS1591 // The names are the whitepaper's key names; their meaning is in the definitions below.
    public const string AdditionalRootCertificateCheck = nameof(AdditionalRootCertificateCheck);
    public const string CertificateSignedMaxChainSize = nameof(CertificateSignedMaxChainSize);
    public const string CertificateStoreMaxLength = nameof(CertificateStoreMaxLength);
    public const string CpoName = nameof(CpoName);
#pragma warning restore CS1591

    /// <summary>The definitions, with this station's defaults.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions() =>
    [
        new()
        {
            Name = AdditionalRootCertificateCheck,
            Type = ConfigurationValueType.Boolean,
            Profile = FeatureProfile.Security,
            DefaultValue = "false",
            ReadOnly = true,
            Description = "When true, a new CentralSystemRootCertificate must be signed by the installed one, and replaces it.",
        },
        new()
        {
            Name = CertificateSignedMaxChainSize,
            Type = ConfigurationValueType.Integer,
            Profile = FeatureProfile.Security,
            DefaultValue = "10000",
            Min = 10000,
            Max = 10000,
            ReadOnly = true,
            Description = "The longest certificateChain (characters) a CertificateSigned may carry.",
        },
        new()
        {
            Name = CertificateStoreMaxLength,
            Type = ConfigurationValueType.Integer,
            Profile = FeatureProfile.Security,
            DefaultValue = "20",
            Min = 20,
            Max = 20,
            ReadOnly = true,
            Description = "The most root certificates (both kinds together) the station keeps installed.",
        },
        new()
        {
            Name = CpoName,
            Type = ConfigurationValueType.Text,
            Profile = FeatureProfile.Security,
            DefaultValue = string.Empty,
            ValueRule = static value => value.Length > 64 ? "longer than 64 characters (an X.509 organizationName)" : null,
            Description = "The CPO's name: the organizationName (O) of the charge point certificate's signing request.",
        },
    ];
}
