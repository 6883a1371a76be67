using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Station.Composition;

namespace Station.Configuration;

/// <summary>
/// The key definitions of one station model, immutable: in name order, each with its position, and
/// found by name regardless of case (keys are CiString50: a Central System may ask for
/// "heartbeatinterval"). Every station of a model shares one (<see cref="For"/>): a fleet of
/// thousands holds the definitions once, and each station only its values.
/// </summary>
public sealed class ConfigurationCatalog
{
    // The catalogues of the default composition by model (the model's identity: a fleet group's
    // stations share one model object) and by the file transfer's schemes, the one option the
    // blocks' keys depend on. Weak: a model nobody uses any more takes its catalogues with it.
    private static readonly ConditionalWeakTable<Model.StationModel, Dictionary<string, ConfigurationCatalog>> Shared = new();

    private readonly ConfigurationKeyDefinition[] _definitions;
    private readonly FrozenDictionary<string, int> _positions;

    /// <summary>A catalogue of <paramref name="definitions"/>; two keys whose names differ only in case are refused.</summary>
    /// <exception cref="ArgumentException">Two definitions have the same name, regardless of case.</exception>
    public ConfigurationCatalog(IEnumerable<ConfigurationKeyDefinition> definitions)
    {
        _definitions = [.. definitions.OrderBy(d => d.Name, StringComparer.Ordinal)];
        var positions = new Dictionary<string, int>(_definitions.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _definitions.Length; i++)
        {
            if (!positions.TryAdd(_definitions[i].Name, i))
            {
                throw new ArgumentException($"configuration key {_definitions[i].Name} is defined twice", nameof(definitions));
            }
        }

        _positions = positions.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every definition, in name order (ordinal); a definition's position is its index here.</summary>
    public IReadOnlyList<ConfigurationKeyDefinition> Definitions => _definitions;

    /// <summary>How many keys.</summary>
    public int Count => _definitions.Length;

    /// <summary>
    /// The catalogue of a station of <paramref name="setup"/> composed of <paramref name="composition"/>
    /// (<see cref="StationComposition.Keys"/>). For the default composition it is built once per
    /// model and file transfer and shared; a composition of its own (tests) gets a catalogue of its own.
    /// Throws <see cref="ModelException"/> when the model's adjustments do not fit.
    /// </summary>
    public static ConfigurationCatalog For(ModuleSetup setup, IReadOnlyList<ModuleDefinition>? composition = null)
    {
        if (composition is not null && !ReferenceEquals(composition, StationComposition.Default))
        {
            return new ConfigurationCatalog(StationComposition.Keys(setup, composition));
        }

        // The key of the one option the default blocks' keys read (ModuleDefinition.Keys says so).
        var fileTransfer = setup.Options.FileTransfer is { } transfer ? "schemes:" + string.Join(',', transfer.Schemes) : "none";
        var byFileTransfer = Shared.GetOrCreateValue(setup.Model);
        lock (byFileTransfer)
        {
            if (!byFileTransfer.TryGetValue(fileTransfer, out var catalog))
            {
                catalog = new ConfigurationCatalog(StationComposition.Keys(setup));
                byFileTransfer.Add(fileTransfer, catalog);
            }

            return catalog;
        }
    }

    /// <summary>The position of <paramref name="key"/> in any case, or -1 when the station has no such key.</summary>
    public int PositionOf(string key) => _positions.TryGetValue(key, out var position) ? position : -1;

    /// <summary>The definition at <paramref name="position"/>.</summary>
    public ConfigurationKeyDefinition this[int position] => _definitions[position];
}
