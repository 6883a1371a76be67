using Ocpp16.Messages;
using Station.Connectors;
using Xunit;

namespace Station.Tests.Connectors;

/// <summary>
/// The derivation of a connector's OCPP status from its parts (OCPP 1.6 §4.9 and the connector
/// state diagram): one row per situation, and every status of the specification is reachable.
/// </summary>
public sealed class ConnectorStateTests
{
    private static readonly ConnectorFault Overheated = new(ChargePointErrorCode.HighTemperature, "120 degrees");
    private static readonly ConnectorFault PowerFailure = new(ChargePointErrorCode.PowerSwitchFailure, "relay stuck");

    // Each row: how connector 1 and the station (connector 0) are set, and the status connector 1 shows.
    private static readonly Dictionary<string, (Action<ConnectorState, ConnectorState> Arrange, StatusSnapshot Expected)> Situations = new()
    {
        ["nothing going on"] = ((_, _) => { }, new(ChargePointStatus.Available)),
        ["a cable plugged in"] = ((c, _) => c.CablePlugged = true, new(ChargePointStatus.Preparing)),
        ["an idTag authorized, no cable yet"] = ((c, _) => c.Session = SessionPhase.Authorized, new(ChargePointStatus.Preparing)),
        ["an EV suspended outside a transaction"] = ((c, _) => (c.CablePlugged, c.EvSuspended) = (true, true), new(ChargePointStatus.Preparing)),
        ["a transaction charging"] = ((c, _) => (c.CablePlugged, c.Session) = (true, SessionPhase.Charging), new(ChargePointStatus.Charging)),
        ["the EV declines current"] = ((c, _) => (c.CablePlugged, c.Session, c.EvSuspended) = (true, SessionPhase.Charging, true), new(ChargePointStatus.SuspendedEV)),
        ["the station withholds power"] = ((c, _) => (c.CablePlugged, c.Session) = (true, SessionPhase.SuspendedByStation), new(ChargePointStatus.SuspendedEVSE)),
        ["the station withholds power and the EV declines"] =
            ((c, _) => (c.CablePlugged, c.Session, c.EvSuspended) = (true, SessionPhase.SuspendedByStation, true), new(ChargePointStatus.SuspendedEVSE)),
        ["the EV left during a transaction"] = ((c, _) => c.Session = SessionPhase.Charging, new(ChargePointStatus.SuspendedEV, Info: "EV side disconnected")),
        ["the EV left a suspended transaction"] = ((c, _) => c.Session = SessionPhase.SuspendedByStation, new(ChargePointStatus.SuspendedEV, Info: "EV side disconnected")),
        ["the transaction ended, cable still in"] = ((c, _) => (c.CablePlugged, c.Session) = (true, SessionPhase.Finishing), new(ChargePointStatus.Finishing)),
        ["the transaction ended, the EV gone, a detachable cable still in the socket"] =
            ((c, _) => (c.CableInSocket, c.Session) = (true, SessionPhase.Finishing), new(ChargePointStatus.Finishing)),
        ["a detachable cable left in the socket, no session"] = ((c, _) => c.CableInSocket = true, new(ChargePointStatus.Preparing)),
        ["a card waits for whichever free connector gets a cable"] = ((_, s) => s.AuthorizationUnassigned = true, new(ChargePointStatus.Preparing)),
        ["a card waits for any cable, this connector finishing"] =
            ((c, s) => (s.AuthorizationUnassigned, c.CablePlugged, c.Session) = (true, true, SessionPhase.Finishing), new(ChargePointStatus.Finishing)),
        ["a card waits for any cable, this connector inoperative"] =
            ((c, s) => (s.AuthorizationUnassigned, c.Availability) = (true, AvailabilityType.Inoperative), new(ChargePointStatus.Unavailable)),
        ["reserved"] = ((c, _) => c.Reserved = true, new(ChargePointStatus.Reserved)),
        ["reserved, a cable plugged in"] = ((c, _) => (c.Reserved, c.CablePlugged) = (true, true), new(ChargePointStatus.Reserved)),
        ["finishing while reserved"] = ((c, _) => (c.Reserved, c.CablePlugged, c.Session) = (true, true, SessionPhase.Finishing), new(ChargePointStatus.Finishing)),
        ["inoperative"] = ((c, _) => c.Availability = AvailabilityType.Inoperative, new(ChargePointStatus.Unavailable)),
        ["inoperative, a cable plugged in"] = ((c, _) => (c.Availability, c.CablePlugged) = (AvailabilityType.Inoperative, true), new(ChargePointStatus.Unavailable)),
        ["inoperative, finishing"] =
            ((c, _) => (c.Availability, c.CablePlugged, c.Session) = (AvailabilityType.Inoperative, true, SessionPhase.Finishing), new(ChargePointStatus.Unavailable)),
        ["inoperative, reserved"] = ((c, _) => (c.Availability, c.Reserved) = (AvailabilityType.Inoperative, true), new(ChargePointStatus.Unavailable)),
        ["the station inoperative"] = ((_, s) => s.Availability = AvailabilityType.Inoperative, new(ChargePointStatus.Unavailable)),
        ["in maintenance"] = ((c, _) => c.InMaintenance = true, new(ChargePointStatus.Unavailable)),
        ["inoperative but a transaction still runs"] =
            ((c, _) => (c.Availability, c.CablePlugged, c.Session) = (AvailabilityType.Inoperative, true, SessionPhase.Charging), new(ChargePointStatus.Charging)),
        ["the station inoperative but a transaction still runs"] =
            ((c, s) => (s.Availability, c.CablePlugged, c.Session) = (AvailabilityType.Inoperative, true, SessionPhase.Charging), new(ChargePointStatus.Charging)),
        ["in maintenance but a transaction still runs"] =
            ((c, _) => (c.InMaintenance, c.CablePlugged, c.Session) = (true, true, SessionPhase.Charging), new(ChargePointStatus.Charging)),
        ["a fault"] = ((c, _) => c.Fault = Overheated, new(ChargePointStatus.Faulted, ChargePointErrorCode.HighTemperature, "120 degrees")),
        ["a fault during a transaction"] =
            ((c, _) => (c.Fault, c.CablePlugged, c.Session) = (Overheated, true, SessionPhase.Charging), new(ChargePointStatus.Faulted, ChargePointErrorCode.HighTemperature, "120 degrees")),
        ["a fault while inoperative"] =
            ((c, _) => (c.Fault, c.Availability) = (Overheated, AvailabilityType.Inoperative), new(ChargePointStatus.Faulted, ChargePointErrorCode.HighTemperature, "120 degrees")),
        ["a fault while reserved and finishing"] =
            ((c, _) => (c.Fault, c.Reserved, c.Session) = (Overheated, true, SessionPhase.Finishing), new(ChargePointStatus.Faulted, ChargePointErrorCode.HighTemperature, "120 degrees")),
        ["a fault of the station"] = ((_, s) => s.Fault = PowerFailure, new(ChargePointStatus.Faulted, ChargePointErrorCode.PowerSwitchFailure, "relay stuck")),
        ["a fault of the station during a transaction"] =
            ((c, s) => (s.Fault, c.CablePlugged, c.Session) = (PowerFailure, true, SessionPhase.Charging), new(ChargePointStatus.Faulted, ChargePointErrorCode.PowerSwitchFailure, "relay stuck")),
        ["faults of both the connector and the station"] =
            ((c, s) => (c.Fault, s.Fault) = (Overheated, PowerFailure), new(ChargePointStatus.Faulted, ChargePointErrorCode.HighTemperature, "120 degrees")),
        ["a fault without info"] = ((c, _) => c.Fault = new ConnectorFault(ChargePointErrorCode.GroundFailure, null), new(ChargePointStatus.Faulted, ChargePointErrorCode.GroundFailure)),
    };

    public static TheoryData<string> SituationNames => [.. Situations.Keys];

    [Theory]
    [MemberData(nameof(SituationNames))]
    public void A_connector_shows_the_status_of_its_situation(string situation)
    {
        var (arrange, expected) = Situations[situation];
        var station = new ConnectorState(0);
        var connector = new ConnectorState(1);
        arrange(connector, station);

        Assert.Equal(expected, connector.Evaluate(station));
    }

    [Fact]
    public void Every_status_of_the_specification_is_reachable() =>
        Assert.Equal(Enum.GetValues<ChargePointStatus>().Order(), Situations.Values.Select(s => s.Expected.Status).Distinct().Order());

    [Fact]
    [Trait("Cert", "C-06.1")]
    public void Only_an_EV_that_left_during_a_transaction_gives_a_reason() =>
        Assert.All(
            Situations.Where(s => s.Value.Expected.Info is not null && s.Value.Expected.Status != ChargePointStatus.Faulted),
            s => Assert.Equal((ChargePointStatus.SuspendedEV, "EV side disconnected"), (s.Value.Expected.Status, s.Value.Expected.Info)));

    [Fact]
    public void Only_a_faulted_connector_carries_an_error_code() =>
        Assert.All(Situations.Values, s => Assert.Equal(s.Expected.Status == ChargePointStatus.Faulted, s.Expected.ErrorCode != ChargePointErrorCode.NoError));

    [Theory]
    [InlineData(false, AvailabilityType.Operative, ChargePointStatus.Available)]
    [InlineData(false, AvailabilityType.Inoperative, ChargePointStatus.Unavailable)]
    [InlineData(true, AvailabilityType.Operative, ChargePointStatus.Faulted)]
    [InlineData(true, AvailabilityType.Inoperative, ChargePointStatus.Faulted)]
    public void The_station_as_connector_0_is_available_unavailable_or_faulted(bool faulted, AvailabilityType availability, ChargePointStatus expected)
    {
        var station = new ConnectorState(0)
        {
            Fault = faulted ? PowerFailure : null,
            Availability = availability,
        };

        Assert.Equal(expected, station.Evaluate(station).Status);
    }

    [Fact]
    public void Connector_0_ignores_what_only_connectors_have()
    {
        var station = new ConnectorState(0) { CablePlugged = true, Session = SessionPhase.Charging, Reserved = true, InMaintenance = true, EvSuspended = true };

        Assert.Equal(new StatusSnapshot(ChargePointStatus.Available), station.Evaluate(station));
    }

    [Fact]
    public void Connector_0_reports_the_error_code_and_info_of_its_fault()
    {
        var station = new ConnectorState(0) { Fault = PowerFailure };

        Assert.Equal(new StatusSnapshot(ChargePointStatus.Faulted, ChargePointErrorCode.PowerSwitchFailure, "relay stuck"), station.Evaluate(station));
    }

    [Theory]
    [InlineData("nothing going on", true)]
    [InlineData("a cable plugged in", true)]
    [InlineData("an idTag authorized, no cable yet", true)]
    [InlineData("the transaction ended, cable still in", true)]
    [InlineData("a transaction charging", false)]
    [InlineData("the station withholds power", false)]
    [InlineData("the EV left during a transaction", false)]
    [InlineData("inoperative", false)]
    [InlineData("the station inoperative", false)]
    [InlineData("in maintenance", false)]
    [InlineData("a fault", false)]
    [InlineData("a fault of the station", false)]
    public void A_session_may_begin_only_on_an_operative_connector_without_fault_or_transaction(string situation, bool usable)
    {
        var station = new ConnectorState(0);
        var connector = new ConnectorState(1);
        Situations[situation].Arrange(connector, station);

        Assert.Equal(usable, connector.IsUsable(station));
    }

    [Theory]
    [InlineData(SessionPhase.Idle, false)]
    [InlineData(SessionPhase.Authorized, false)]
    [InlineData(SessionPhase.Charging, true)]
    [InlineData(SessionPhase.SuspendedByStation, true)]
    [InlineData(SessionPhase.Finishing, false)]
    public void A_transaction_runs_while_charging_or_suspended_by_the_station(SessionPhase phase, bool running) =>
        Assert.Equal(running, new ConnectorState(1) { Session = phase }.HasTransaction);
}
