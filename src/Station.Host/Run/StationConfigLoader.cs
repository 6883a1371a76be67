using System.Text.Json;
using Ocpp16.Messages;
using Station.Configuration;
using Station.Model;

namespace Station.Host.Run;

/// <summary>Reads <c>--config</c> files over the built-in TSCT-2007CP profile.</summary>
internal static class StationConfigLoader
{
    /// <summary>The simulated EV's default draw: 7.4 kW, a 32 A single-phase charger at 230 V.</summary>
    public const double DefaultEvPowerW = 7400;

    /// <summary>Loads and validates; every problem is a <see cref="ModelException"/> with one line naming the file and value.</summary>
    public static LoadedStationConfig Load(string? path)
    {
        if (path is null)
        {
            return new LoadedStationConfig(StationModelValidator.Validate(StationModel.Tsct2007Cp), null, null, DefaultEvPowerW);
        }

        StationConfigFile file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, HostJsonContext.Default.StationConfigFile)
                ?? throw new ModelException($"{path}: the file holds null, not a JSON object");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelException($"{path}: {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new ModelException($"{path}: {OneLine(ex.Message)}");
        }

        var builtIn = StationModel.Tsct2007Cp;
        var configuration = new Dictionary<string, ConfigurationKeyModel>(builtIn.Configuration, StringComparer.Ordinal);
        foreach (var (key, value) in file.Configuration ?? new Dictionary<string, ConfigurationKeyModel>())
        {
            configuration[key] = value;
        }

        var model = new StationModel
        {
            Vendor = file.Vendor ?? builtIn.Vendor,
            Model = file.Model ?? builtIn.Model,
            SerialNumber = file.SerialNumber ?? builtIn.SerialNumber,
            ChargeBoxSerialNumber = file.ChargeBoxSerialNumber ?? builtIn.ChargeBoxSerialNumber,
            FirmwareVersion = file.FirmwareVersion ?? builtIn.FirmwareVersion,
            Iccid = file.Iccid ?? builtIn.Iccid,
            Imsi = file.Imsi ?? builtIn.Imsi,
            MeterType = file.MeterType ?? builtIn.MeterType,
            MeterSerialNumber = file.MeterSerialNumber ?? builtIn.MeterSerialNumber,
            StopTransactionMaxMeterValues = file.StopTransactionMaxMeterValues ?? builtIn.StopTransactionMaxMeterValues,
            Connectors = file.Connectors?.Select(c => c.ToModel()).ToList() ?? builtIn.Connectors,
            Configuration = configuration,
            DisabledProfiles = DisabledProfiles(path, file.DisabledProfiles) ?? builtIn.DisabledProfiles,
        };

        try
        {
            StationModelValidator.Validate(model);
        }
        catch (ModelException ex)
        {
            throw new ModelException($"{path}: {ex.Message}");
        }

        var evPower = file.Simulator?.EvPowerW ?? DefaultEvPowerW;
        if (evPower is <= 0 or > 1_000_000)
        {
            throw new ModelException($"{path}: simulator.evPowerW: {evPower} is outside 0..1000000");
        }

        return new LoadedStationConfig(model, file.ChargePointId, file.CsmsUrl, evPower, SecurityConfigLoader.Load(path, file.Security));
    }

    private static HashSet<FeatureProfile>? DisabledProfiles(string path, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return null;
        }

        var profiles = new HashSet<FeatureProfile>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!Enum.TryParse<FeatureProfile>(names[i], ignoreCase: false, out var profile) || !Enum.IsDefined(profile) || profile == FeatureProfile.Core
                || names[i].Any(c => !char.IsAsciiLetter(c)))
            {
                var optional = string.Join(", ", Enum.GetValues<FeatureProfile>().Where(p => p != FeatureProfile.Core));
                throw new ModelException($"{path}: disabledProfiles[{i}]: '{names[i]}' is not an optional feature profile ({optional})");
            }

            profiles.Add(profile);
        }

        return profiles;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
