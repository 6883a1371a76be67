using Ocpp16.Messages;
using Station.Firmware;
using Station.Metering;
using Station.Model;

namespace Station.Configuration;

/// <summary>
/// Every configuration key a station offers, from every block that owns keys, adjusted by its
/// model: the one list the station runs with and a model file is checked against.
/// </summary>
public static class StationKeyCatalog
{
    /// <summary>The profiles a station supports; Firmware Management needs a way to transfer files.</summary>
    public static IReadOnlyList<FeatureProfile> Profiles(bool fileTransfer) =>
        fileTransfer
            ? [FeatureProfile.Core, FeatureProfile.FirmwareManagement, FeatureProfile.RemoteTrigger]
            : [FeatureProfile.Core, FeatureProfile.RemoteTrigger];

    /// <summary>
    /// The key definitions of a station with <paramref name="model"/>; <paramref name="fileTransferSchemes"/>
    /// null means no file transfer (and so no Firmware Management). Throws <see cref="ModelException"/>
    /// when the model's adjustments do not fit.
    /// </summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> For(StationModel model, IReadOnlyCollection<string>? fileTransferSchemes)
    {
        var profiles = Profiles(fileTransferSchemes is not null);
        IEnumerable<ConfigurationKeyDefinition> firmware = fileTransferSchemes is null ? [] : FirmwareKeys.Definitions(fileTransferSchemes);
        return ConfigurationService.Adjust([.. CoreKeys.Definitions(model, SupportedMeasurands.For(model), profiles), .. firmware], model);
    }
}
