using Ocpp16.Messages;
using Station.Authorization;
using Station.Boot;
using Station.Configuration;
using Station.Connectors;
using Station.DataTransfer;
using Station.Diagnostics;
using Station.Firmware;
using Station.LocalAuthList;
using Station.Metering;
using Station.Model;
using Station.Reservation;
using Station.Security.Certificates;
using Station.Security.Connection;
using Station.Security.Events;
using Station.Security.Logs;
using Station.SmartCharging;
using Station.Transactions;
using Station.Triggers;

namespace Station.Composition;

/// <summary>
/// The list a station is composed of: one module per functional block, in the order they are
/// built (a block takes from the context what the blocks before it provide). Which profiles a
/// station supports, which keys it has and which CALLs it answers all follow from this list and
/// the model; the host and the test harnesses use the same list.
/// </summary>
public static class StationComposition
{
    /// <summary>Every block of the station, in build order.</summary>
    public static IReadOnlyList<ModuleDefinition> Default { get; } =
    [
        ConfigurationModule.Definition,
        SecurityEventsModule.Definition,
        CertificatesModule.Definition,
        SecurityProfileModule.Definition,
        ConnectorsModule.Definition,
        LocalAuthListModule.Definition,
        AuthorizationModule.Definition,
        ReservationModule.Definition,
        TransactionsModule.Definition,
        MeteringModule.Definition,
        FirmwareModule.Definition,
        DiagnosticsModule.Definition,
        SecurityLogModule.Definition,
        BootModule.Definition,
        RemoteTriggerModule.Definition,
        SmartChargingModule.Definition,
        DataTransferModule.Definition,
    ];

    /// <summary>What the definitions decide from: the profiles are those of the modules present, in list order.</summary>
    public static ModuleSetup Setup(StationModel model, ChargePointOptions options, IReadOnlyList<ModuleDefinition>? definitions = null)
    {
        var draft = new ModuleSetup(model, options, []);
        var present = (definitions ?? Default).Where(d => IsPresent(d, draft));

        // The security whitepaper adds no profile name to SupportedFeatureProfiles; a model may do without a profile.
        var profiles = present.Select(d => d.Profile).Where(p => p != FeatureProfile.Security && !model.DisabledProfiles.Contains(p)).Distinct().ToList();
        return draft with { Profiles = profiles };
    }

    /// <summary>
    /// Every configuration key of the present modules, adjusted by the model. Throws
    /// <see cref="ModelException"/> when the model's adjustments do not fit.
    /// </summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Keys(ModuleSetup setup, IReadOnlyList<ModuleDefinition>? definitions = null) =>
        ConfigurationService.Adjust([.. Present(setup, definitions).SelectMany(d => d.Keys(setup))], setup.Model);

    /// <summary>Builds the present modules in order and registers their handlers.</summary>
    public static IReadOnlyList<IStationModule> Build(StationContext context, HandlerRegistry handlers, IReadOnlyList<ModuleDefinition>? definitions = null)
    {
        var modules = new List<IStationModule>();
        foreach (var definition in Present(context.Setup, definitions))
        {
            var module = definition.Create(context);
            module.RegisterHandlers(handlers);
            modules.Add(module);
            if (module is ITriggerSource source)
            {
                context.Require<TriggerSources>().Add(source);
            }
        }

        return modules;
    }

    private static IEnumerable<ModuleDefinition> Present(ModuleSetup setup, IReadOnlyList<ModuleDefinition>? definitions) =>
        (definitions ?? Default).Where(d => IsPresent(d, setup));

    // A profile the model turns off leaves its blocks out, with their keys and handlers (Core cannot be),
    // unless the block refuses its CALLs with its profile's own status (RefusesWhenDisabled).
    private static bool IsPresent(ModuleDefinition definition, ModuleSetup setup) =>
        definition.IsPresent(setup)
        && (definition.Profile == FeatureProfile.Core || definition.RefusesWhenDisabled || !setup.Model.DisabledProfiles.Contains(definition.Profile));
}
