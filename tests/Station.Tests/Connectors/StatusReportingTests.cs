using Ocpp16.Messages;
using Station.Configuration;
using Station.Connectors;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Connectors;

/// <summary>
/// StatusNotifications as the connector block sends them: at once, or only once a status has
/// lasted <c>MinimumStatusDuration</c> (C-05) and then with the time it began; reports asked for
/// explicitly are never held back (pitfall 8).
/// </summary>
public sealed class StatusReportingTests : IAsyncLifetime
{
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(10);

    private readonly BlockHarness _harness = new();
    private ConnectorService _connectors = null!;
    private DateTimeOffset _start;

    public async Task InitializeAsync()
    {
        _connectors = new ConnectorService(1, new InMemoryAvailabilityStore(), _harness.Outgoing, _harness.Configuration, _harness.Runtime);
        await _harness.GoOnlineAsync();

        // As after a boot: every connector reported once, then only changes.
        await _harness.LockedAsync(_connectors.ReportAll);
        Assert.Equal([(0, ChargePointStatus.Available), (1, ChargePointStatus.Available)], (await _harness.FlushStatusesAsync()).Select(s => (s.ConnectorId, s.Status)));
        _start = _harness.Clock.GetUtcNow();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Without_a_minimum_duration_each_change_is_reported_at_once_with_its_time()
    {
        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(3));
        await SetPluggedAsync(false);

        var statuses = await _harness.FlushStatusesAsync();

        Assert.Equal(
            [(1, ChargePointStatus.Preparing, _start), (1, ChargePointStatus.Available, _start.AddSeconds(3))],
            statuses.Select(s => (s.ConnectorId, s.Status, s.Timestamp!.Value)));
    }

    [Fact]
    public async Task A_refresh_without_change_reports_nothing()
    {
        await _harness.LockedAsync(_connectors.Refresh);
        await _harness.LockedAsync(_connectors.Refresh);

        Assert.Empty(await _harness.FlushStatusesAsync());
    }

    [Fact]
    public async Task A_faulted_connector_is_reported_with_its_error_code_and_info()
    {
        await _harness.LockedAsync(() =>
        {
            _connectors[1].Fault = new ConnectorFault(ChargePointErrorCode.GroundFailure, "RCD tripped");
            _connectors.Refresh();
        });

        var status = Assert.Single(await _harness.FlushStatusesAsync());

        Assert.Equal((1, ChargePointStatus.Faulted, ChargePointErrorCode.GroundFailure, "RCD tripped"), (status.ConnectorId, status.Status, status.ErrorCode, status.Info));
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task A_status_shorter_than_the_minimum_duration_is_never_reported()
    {
        await SetMinimumAsync();

        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(9));
        await SetPluggedAsync(false);
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(await _harness.FlushStatusesAsync());
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task A_status_that_lasts_the_minimum_duration_is_reported_then_with_the_time_it_began()
    {
        await SetMinimumAsync();
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(2));
        var began = _harness.Clock.GetUtcNow();

        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(Minimum - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await _harness.FlushStatusesAsync());
        await _harness.AdvanceAsync(TimeSpan.FromMilliseconds(1));

        var status = Assert.Single(await _harness.FlushStatusesAsync());
        Assert.Equal((1, ChargePointStatus.Preparing, began), (status.ConnectorId, status.Status, status.Timestamp!.Value));
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task A_status_replaced_before_the_minimum_duration_starts_the_wait_again_for_its_successor()
    {
        await SetMinimumAsync();
        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(4));
        await _harness.LockedAsync(() =>
        {
            _connectors[1].Fault = new ConnectorFault(ChargePointErrorCode.OverCurrentFailure, null);
            _connectors.Refresh();
        });

        await _harness.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Empty(await _harness.FlushStatusesAsync());
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        var status = Assert.Single(await _harness.FlushStatusesAsync());
        Assert.Equal((ChargePointStatus.Faulted, _start.AddSeconds(4)), (status.Status, status.Timestamp!.Value));
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task A_refresh_with_the_same_pending_status_does_not_restart_the_minimum_duration()
    {
        await SetMinimumAsync();
        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(6));
        await _harness.LockedAsync(_connectors.Refresh);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(4));

        var status = Assert.Single(await _harness.FlushStatusesAsync());
        Assert.Equal((ChargePointStatus.Preparing, _start), (status.Status, status.Timestamp!.Value));
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task Each_connector_waits_out_its_own_minimum_duration()
    {
        await SetMinimumAsync();
        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        await _harness.LockedAsync(() => _connectors.ChangeAvailability(0, AvailabilityType.Inoperative));

        await _harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        var first = await _harness.FlushStatusesAsync();
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        var second = await _harness.FlushStatusesAsync();

        // Connector 1 went Preparing at 0 s, then Unavailable at 5 s: only Unavailable lasted, reported at 15 s.
        Assert.Empty(first);
        Assert.Equal(
            [(0, ChargePointStatus.Unavailable, _start.AddSeconds(5)), (1, ChargePointStatus.Unavailable, _start.AddSeconds(5))],
            second.Select(s => (s.ConnectorId, s.Status, s.Timestamp!.Value)).Order());
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task ReportAll_reports_the_present_status_at_once_and_ends_the_wait()
    {
        await SetMinimumAsync();
        await SetPluggedAsync(true);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(3));

        await _harness.LockedAsync(_connectors.ReportAll);
        var reported = await _harness.FlushStatusesAsync();
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(
            [(0, ChargePointStatus.Available, _start.AddSeconds(3)), (1, ChargePointStatus.Preparing, _start.AddSeconds(3))],
            reported.Select(s => (s.ConnectorId, s.Status, s.Timestamp!.Value)));
        Assert.Empty(await _harness.FlushStatusesAsync());
    }

    [Fact]
    [Trait("Cert", "C-05")]
    public async Task Report_of_one_connector_is_never_held_back()
    {
        await SetMinimumAsync();
        await SetPluggedAsync(true);

        await _harness.LockedAsync(() => _connectors.Report(1));

        var status = Assert.Single(await _harness.FlushStatusesAsync());
        Assert.Equal((1, ChargePointStatus.Preparing, _start), (status.ConnectorId, status.Status, status.Timestamp!.Value));
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(await _harness.FlushStatusesAsync());
    }

    [Fact]
    public async Task An_explicit_report_repeats_a_status_already_reported()
    {
        await _harness.LockedAsync(() => _connectors.Report(0));

        var status = Assert.Single(await _harness.FlushStatusesAsync());

        Assert.Equal((0, ChargePointStatus.Available), (status.ConnectorId, status.Status));
    }

    [Fact]
    public async Task Every_reported_status_is_announced_to_observers()
    {
        var observed = new List<(int, StatusSnapshot)>();
        _connectors.StatusReported += (id, status) => observed.Add((id, status));

        await SetPluggedAsync(true);

        Assert.Equal([(1, new StatusSnapshot(ChargePointStatus.Preparing))], observed);
    }

    private Task SetMinimumAsync() =>
        _harness.LockedAsync(() => Assert.Equal(ConfigurationStatus.Accepted, _harness.Configuration.Change(CoreKeys.MinimumStatusDuration, "10")));

    private Task SetPluggedAsync(bool plugged) => _harness.LockedAsync(() =>
    {
        _connectors[1].CablePlugged = plugged;
        _connectors.Refresh();
    });
}
