using System.Net;
using Station.Model;
using Station.Storage.Sqlite;

namespace Station.Host.Fleet;

/// <summary>Everything the <c>fleet</c> command resolved from its options.</summary>
internal sealed record FleetSettings
{
    public required StationModel Model { get; init; }

    public required double EvPowerW { get; init; }

    public required IReadOnlyList<Uri> CentralSystemUris { get; init; }

    /// <summary>Local addresses to connect from, round-robin; empty: the system chooses.</summary>
    public IReadOnlyList<IPAddress> SourceAddresses { get; init; } = [];

    public required int Stations { get; init; }

    public string IdPrefix { get; init; } = "SIM-";

    public int FirstIndex { get; init; } = 1;

    /// <summary>New connections per second while starting.</summary>
    public double Ramp { get; init; } = 500;

    public bool Atg { get; init; }

    public SecondsRange TxDuration { get; init; } = new(30, 60);

    public SecondsRange TxPause { get; init; } = new(5, 15);

    public required int Seed { get; init; }

    /// <summary>Stop after this long; zero runs until SIGINT/SIGTERM.</summary>
    public TimeSpan Duration { get; init; }

    public required string DataDirectory { get; init; }

    public int ControlPort { get; init; }

    public string? ReportPath { get; init; }

    public Durability Durability { get; init; } = Durability.ProcessCrashSafe;

    /// <summary>The id of the station at <paramref name="position"/> (0-based) of this fleet: the prefix and a 5-digit index (more digits past 99,999).</summary>
    public string StationId(int position) => IdPrefix + (FirstIndex + position).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Central System of the station at <paramref name="position"/>, round-robin.</summary>
    public Uri CentralSystemUri(int position) => CentralSystemUris[position % CentralSystemUris.Count];

    /// <summary>The local address of the station at <paramref name="position"/>, round-robin; null when the system chooses.</summary>
    public IPAddress? SourceAddress(int position) => SourceAddresses.Count == 0 ? null : SourceAddresses[position % SourceAddresses.Count];
}
