using Ocpp16.Messages;
using Station.Model;

namespace Station.Composition;

/// <summary>What a module definition decides from before anything is built: the model, the options, the profiles present.</summary>
/// <param name="Model">The station model.</param>
/// <param name="Options">How the station instance connects and behaves.</param>
/// <param name="Profiles">The feature profiles of the modules present (SupportedFeatureProfiles).</param>
public sealed record ModuleSetup(StationModel Model, ChargePointOptions Options, IReadOnlyList<FeatureProfile> Profiles);
