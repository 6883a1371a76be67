using Ocpp16.Messages;
using Station.Composition;
using Station.Metering;

namespace Station.Configuration;

/// <summary>
/// The Core profile's configuration keys (the catalogue every station has; other blocks add their
/// own) and the CALLs that read and change them.
/// </summary>
internal sealed class ConfigurationModule(ConfigurationService configuration) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Configuration",
        Profile = FeatureProfile.Core,
        Keys = static setup => CoreKeys.Definitions(setup.Model, SupportedMeasurands.For(setup.Model), setup.Profiles),
        Create = static context => new ConfigurationModule(context.Configuration),
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.GetConfiguration, new GetConfigurationHandler(configuration));
        handlers.Add(OcppActions.ChangeConfiguration, new ChangeConfigurationHandler(configuration));
    }
}
