using System.Globalization;
using System.Text;
using Ocpp16.Messages;
using Station.SmartCharging;

namespace Station.Tests.SmartCharging;

/// <summary>One random question for the property tests: a station, profiles installed in turn, and a window.</summary>
internal sealed record CompositeCase(
    StationSituation Station, IReadOnlyList<InstalledProfile> Profiles, int ConnectorId, long From, int Duration, ChargingRateUnitType Unit)
{
    public InstalledProfileSet Installed => InstalledProfileSet.From(Profiles);

    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeSeconds(From);

    /// <summary>Readable enough to replay a shrunk counter-example by hand: every instant relative to the window start.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"connector {ConnectorId}, window {Start:O} +{Duration}s in {Unit}\n");
        foreach (var c in Station.Connectors)
        {
            var tx = c.Transaction is { } t ? $"transaction {t.TransactionId?.ToString(CultureInfo.InvariantCulture) ?? "?"} from {Rel(t.Start)}" : "no transaction";
            text.Append(CultureInfo.InvariantCulture, $"  connector {c.ConnectorId}: {c.Supply.Phases}x{c.Supply.Voltage}V {c.Supply.MaxCurrent}A, {tx}\n");
        }

        foreach (var (connectorId, p) in Profiles.Select(p => (p.ConnectorId, p.Profile)))
        {
            var s = p.ChargingSchedule;
            var periods = string.Join(", ", s.ChargingSchedulePeriod.Select(x => $"{x.StartPeriod}->{x.Limit}{(x.NumberPhases is { } n ? $"/{n}ph" : "")}"));
            text.Append(CultureInfo.InvariantCulture,
                $"  #{p.ChargingProfileId} on {connectorId}: {p.ChargingProfilePurpose} L{p.StackLevel} {p.ChargingProfileKind}{(p.RecurrencyKind is { } r ? $" {r}" : "")}"
                + $"{(p.TransactionId is { } id ? $" tx {id}" : "")} start {Rel(s.StartSchedule)} duration {s.Duration?.ToString(CultureInfo.InvariantCulture) ?? "-"}"
                + $" valid [{Rel(p.ValidFrom)}, {Rel(p.ValidTo)}) {s.ChargingRateUnit} [{periods}]\n");
        }

        return text.ToString();
    }

    private string Rel(DateTimeOffset? at) => at is { } a ? (a.ToUnixTimeSeconds() - From).ToString("+0;-0;0", CultureInfo.InvariantCulture) : "-";
}
