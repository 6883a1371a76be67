using System.Net;
using Station.Storage.Sqlite;

namespace Station.Host.Fleet;

/// <summary>Everything the <c>fleet</c> command resolved from its options.</summary>
internal sealed record FleetSettings
{
    private readonly IReadOnlyList<FleetGroup> _groups = [];
    private readonly int[] _groupStarts = [];

    /// <summary>The groups in order; their stations take consecutive indexes from <see cref="FirstIndex"/>.</summary>
    public required IReadOnlyList<FleetGroup> Groups
    {
        get => _groups;
        init
        {
            _groups = value;
            _groupStarts = new int[value.Count];
            var start = 0;
            for (var i = 0; i < value.Count; i++)
            {
                _groupStarts[i] = start;
                start += value[i].Count;
            }

            Stations = start;
        }
    }

    public required IReadOnlyList<Uri> CentralSystemUris { get; init; }

    /// <summary>Local addresses to connect from, round-robin; empty: the system chooses.</summary>
    public IReadOnlyList<IPAddress> SourceAddresses { get; init; } = [];

    /// <summary>How many stations, over all groups.</summary>
    public int Stations { get; private init; }

    /// <summary>
    /// The index of the first station; each station's index is also its key in the shared database,
    /// so a restart on the same data directory needs the same groups and first index.
    /// </summary>
    public int FirstIndex { get; init; } = 1;

    /// <summary>New connections per second while starting.</summary>
    public double Ramp { get; init; } = 500;

    /// <summary>Whether any group runs automatic transactions.</summary>
    public bool Atg => Groups.Any(g => g.Atg);

    public required int Seed { get; init; }

    /// <summary>Stop after this long; zero runs until SIGINT/SIGTERM.</summary>
    public TimeSpan Duration { get; init; }

    public required string DataDirectory { get; init; }

    public int ControlPort { get; init; }

    public string? ReportPath { get; init; }

    public Durability Durability { get; init; } = Durability.ProcessCrashSafe;

    /// <summary>Wraps each station's frame observer (the fleet's counter), given the charge point id: a test's view of every frame; none in the command.</summary>
    public Func<string, Ocpp16.Rpc.IFrameObserver, Ocpp16.Rpc.IFrameObserver>? WrapFrameObserver { get; init; }

    /// <summary>The id of the station at <paramref name="position"/> (0-based) of this fleet: its group's prefix and a 5-digit index (more digits past 99,999).</summary>
    public string StationId(int position) => GroupOf(position).IdPrefix + Index(position).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The index of the station at <paramref name="position"/>: its id's number and its key in the database.</summary>
    public int Index(int position) => FirstIndex + position;

    /// <summary>The group the station at <paramref name="position"/> belongs to.</summary>
    public FleetGroup GroupOf(int position)
    {
        var found = Array.BinarySearch(_groupStarts, position);

        // Not a group's first position: the group that starts before it (empty groups are refused, so starts are distinct).
        return _groups[found >= 0 ? found : ~found - 1];
    }

    /// <summary>The Central System of the station at <paramref name="position"/>, round-robin.</summary>
    public Uri CentralSystemUri(int position) => CentralSystemUris[position % CentralSystemUris.Count];

    /// <summary>The local address of the station at <paramref name="position"/>, round-robin; null when the system chooses.</summary>
    public IPAddress? SourceAddress(int position) => SourceAddresses.Count == 0 ? null : SourceAddresses[position % SourceAddresses.Count];
}
