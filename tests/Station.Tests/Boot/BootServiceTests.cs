using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Boot;
using Station.Configuration;
using Station.Connectors;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Boot;

/// <summary>Registration and liveness (OCPP 1.6 §4.2, §4.6) against an in-memory Central System.</summary>
public sealed class BootServiceTests : IAsyncLifetime
{
    private readonly BlockHarness _harness = new();
    private string _firmware = "v1.0.0";
    private BootService _boot = null!;
    private int _accepted;

    public Task InitializeAsync()
    {
        var connectors = new ConnectorService(1, new InMemoryAvailabilityStore(), _harness.Outgoing, _harness.Configuration, _harness.Runtime);
        _boot = new BootService(_harness.Model, () => _firmware, _harness.Link, _harness.Outgoing, connectors, _harness.Configuration, _harness.Runtime);
        _boot.Accepted += () => _accepted++;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    [Trait("Cert", "TC_001_CS")]
    public async Task The_first_connection_sends_a_BootNotification_with_the_model_identity_and_the_installed_firmware()
    {
        _firmware = "v2.3.4";

        await _harness.ConnectAsync();

        var boot = await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        Assert.Equal(
            ("TaeSeongConTech", "TSCT-2007CP", "TSCT2007CP-0001", "v2.3.4", "AC meter"),
            (boot.ChargePointVendor, boot.ChargePointModel, boot.ChargePointSerialNumber, boot.FirmwareVersion, boot.MeterType));
    }

    [Fact]
    [Trait("Cert", "TC_001_CS")]
    public async Task An_accepted_boot_takes_the_Central_System_time_and_interval_and_reports_every_connector()
    {
        var centralSystemTime = _harness.Clock.GetUtcNow().AddHours(3);
        _harness.CentralSystem.Answer(OcppActions.BootNotification, _ => new BootNotificationResponse { Status = RegistrationStatus.Accepted, Interval = 30, CurrentTime = centralSystemTime });

        await _harness.ConnectAsync();
        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        var statuses = new[] { await _harness.CentralSystem.NextCallAsync<StatusNotificationRequest>(), await _harness.CentralSystem.NextCallAsync<StatusNotificationRequest>() };

        Assert.Equal([(0, ChargePointStatus.Available), (1, ChargePointStatus.Available)], statuses.Select(s => (s.ConnectorId, s.Status)));
        Assert.All(statuses, s => Assert.Equal(centralSystemTime, s.Timestamp));
        Assert.Equal(TimeSpan.FromHours(3), _harness.Runtime.Clock.Offset);
        Assert.Equal(30, _harness.Configuration.GetInt(CoreKeys.HeartbeatInterval));
        Assert.True(_harness.Link.IsOnline);
        Assert.Equal(1, _accepted);
    }

    [Fact]
    public async Task Heartbeats_follow_the_interval_and_keep_the_clock_in_step_with_the_Central_System()
    {
        await BootAcceptedAsync(interval: 20);
        var ahead = TimeSpan.FromSeconds(90);
        _harness.CentralSystem.Answer(OcppActions.Heartbeat, _ => new HeartbeatResponse { CurrentTime = _harness.Clock.GetUtcNow() + ahead });

        await _harness.AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.Empty(await TakeHeartbeatsAsync());
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(41));

        Assert.Equal(3, (await TakeHeartbeatsAsync()).Count);
        Assert.Equal(ahead, _harness.Runtime.Clock.Offset);
    }

    [Fact]
    public async Task A_new_HeartbeatInterval_restarts_the_heartbeat_at_once()
    {
        await BootAcceptedAsync(interval: 60);

        await _harness.LockedAsync(() => _harness.Configuration.Change(CoreKeys.HeartbeatInterval, "15"));
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(45));

        Assert.Equal(3, (await TakeHeartbeatsAsync()).Count);
    }

    [Theory]
    [Trait("Cert", "TC_002_CS")]
    [InlineData(RegistrationStatus.Pending)]
    [InlineData(RegistrationStatus.Rejected)]
    public async Task A_boot_that_is_not_accepted_is_retried_after_the_interval_and_nothing_else_is_sent(RegistrationStatus status)
    {
        _harness.CentralSystem.Answer(OcppActions.BootNotification, _ => new BootNotificationResponse { Status = status, Interval = 25, CurrentTime = _harness.Clock.GetUtcNow() });

        await _harness.ConnectAsync();
        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        await _harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(25));

        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        Assert.Equal(status, _harness.Link.Registration);
        Assert.False(_harness.Link.IsOnline);
        Assert.Equal(0, _accepted);
    }

    [Fact]
    public async Task A_boot_not_accepted_without_an_interval_is_retried_after_the_default_interval()
    {
        _harness.CentralSystem.Answer(OcppActions.BootNotification, _ => new BootNotificationResponse { Status = RegistrationStatus.Pending, Interval = 0, CurrentTime = _harness.Clock.GetUtcNow() });

        await _harness.ConnectAsync();
        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        await _harness.Clock.AdvanceWhenArmedAsync(BootService.DefaultRetryInterval);

        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        Assert.Equal(TimeSpan.FromSeconds(60), BootService.DefaultRetryInterval);
    }

    [Fact]
    public async Task A_triggered_boot_during_the_retry_wait_is_sent_at_once()
    {
        var answers = 0;
        _harness.CentralSystem.Answer(OcppActions.BootNotification, _ => new BootNotificationResponse
        {
            Status = ++answers == 1 ? RegistrationStatus.Pending : RegistrationStatus.Accepted,
            Interval = 300,
            CurrentTime = _harness.Clock.GetUtcNow(),
        });
        await _harness.ConnectAsync();
        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        await _harness.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(300));

        _boot.BootNow();

        await _harness.CentralSystem.NextCallAsync<BootNotificationRequest>();
        await _harness.Link.WaitUntilOnlineAsync(CancellationToken.None).OrTimeout();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(RegistrationStatus.Accepted, true)]
    [InlineData(RegistrationStatus.Pending, true)]
    [InlineData(RegistrationStatus.Rejected, false)]
    public void Calls_from_the_Central_System_are_answered_unless_the_registration_is_rejected(RegistrationStatus? registration, bool answering)
    {
        if (registration is { } status)
        {
            _harness.Link.SetRegistration(status);
        }

        Assert.Equal(answering, _boot.IsAnswering);
    }

    [Fact]
    public async Task A_reconnection_after_an_accepted_boot_reports_every_connector_without_booting_again()
    {
        await BootAcceptedAsync(interval: 60);
        Assert.Equal(2, (await _harness.FlushStatusesAsync()).Count);

        await _harness.GoOfflineAsync();
        await _harness.ConnectAsync();
        await _harness.Runtime.Background.WhenIdleAsync().OrTimeout();

        var calls = await _harness.FlushAsync();
        Assert.Equal([0, 1], calls.OfType<StatusNotificationRequest>().Select(s => s.ConnectorId));
        Assert.DoesNotContain(calls, c => c is BootNotificationRequest);
        Assert.Equal(1, _accepted);
    }

    private async Task BootAcceptedAsync(int interval)
    {
        _harness.CentralSystem.Answer(
            OcppActions.BootNotification, _ => new BootNotificationResponse { Status = RegistrationStatus.Accepted, Interval = interval, CurrentTime = _harness.Clock.GetUtcNow() });
        await _harness.ConnectAsync();
        await _harness.Link.WaitUntilOnlineAsync(CancellationToken.None).OrTimeout();
        await _harness.Runtime.Background.WhenIdleAsync().OrTimeout();
    }

    private async Task<IReadOnlyList<HeartbeatRequest>> TakeHeartbeatsAsync()
    {
        await _harness.Runtime.Background.WhenIdleAsync().OrTimeout();
        return [.. _harness.CentralSystem.TakeCalls().OfType<HeartbeatRequest>()];
    }
}
