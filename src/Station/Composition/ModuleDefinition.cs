using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Composition;

/// <summary>
/// One entry of a station's composition: a functional block, the profile it belongs to, when it is
/// present, the configuration keys it defines and how it is built from what the blocks before it
/// provide. A new profile is one folder with its module and one entry in
/// <see cref="StationComposition.Default"/>.
/// </summary>
public sealed record ModuleDefinition
{
    /// <summary>The block's name (logs, errors of the composition).</summary>
    public required string Name { get; init; }

    /// <summary>The feature profile the block belongs to; the profiles of the present modules are the station's.</summary>
    public required FeatureProfile Profile { get; init; }

    /// <summary>Whether the block is part of this station (e.g. Firmware Management needs a file transfer).</summary>
    public Func<ModuleSetup, bool> IsPresent { get; init; } = static _ => true;

    /// <summary>
    /// What the block does when the model disables its profile (<see cref="Model.StationModel.DisabledProfiles"/>):
    /// false (the default) leaves it out, so its CALLs answer NotSupported; true keeps it to refuse them
    /// with its profile's own status (ReserveNow Rejected, TC_048_4). Either way the profile is not in
    /// SupportedFeatureProfiles.
    /// </summary>
    public bool RefusesWhenDisabled { get; init; }

    /// <summary>
    /// The configuration keys the block defines (the model may adjust their defaults and ranges).
    /// They may depend on the model, the profiles and the file transfer's schemes only: the
    /// stations of one model share one catalogue of them (<see cref="ConfigurationCatalog.For"/>).
    /// </summary>
    public Func<ModuleSetup, IEnumerable<ConfigurationKeyDefinition>> Keys { get; init; } = static _ => [];

    /// <summary>Builds the block; it takes what it needs from the context and provides its own interfaces to it.</summary>
    public required Func<StationContext, IStationModule> Create { get; init; }
}
