using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Firmware;

/// <summary>The configuration keys of the Firmware Management profile (OCPP 1.6 §9.2).</summary>
public static class FirmwareKeys
{
    /// <summary>The URL schemes UpdateFirmware and GetDiagnostics locations may use.</summary>
    public const string SupportedFileTransferProtocols = nameof(SupportedFileTransferProtocols);

    /// <summary>The Firmware Management keys of a station whose file transfer serves <paramref name="schemes"/>.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions(IEnumerable<string> schemes) =>
    [
        new ConfigurationKeyDefinition
        {
            Name = SupportedFileTransferProtocols,
            Type = ConfigurationValueType.List,
            Profile = FeatureProfile.FirmwareManagement,
            ReadOnly = true,
            DefaultValue = string.Join(",", schemes.Select(s => s.ToUpperInvariant())),
            Description = "The protocols of firmware and diagnostics locations (FTP, HTTP, HTTPS).",
        },
    ];
}
