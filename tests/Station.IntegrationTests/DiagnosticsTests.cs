using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Diagnostics;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>GetDiagnostics end to end over HTTP (Kestrel in the test process), in virtual time.</summary>
public sealed class DiagnosticsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_archive_of_the_window_is_put_to_the_location_and_holds_frames_and_events()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();
        var from = harness.Clock.GetUtcNow().AddMinutes(5);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await session.FenceAsync();
        var to = harness.Clock.GetUtcNow();

        var before = session.LastSequence;
        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = http.Url("upload/cp"), StartTime = from, StopTime = to });
        var (_, uploaded) = await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.Uploaded);

        Assert.Matches(@"^diagnostics-CP-[0-9a-f]+-20260317T093653Z\.zip$", answer.FileName);
        Assert.Equal([DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded], session.DiagnosticsStatuses(before));
        var put = Assert.Single(http.Requests);
        Assert.Equal(("PUT", "/upload/cp", answer.FileName), (put.Method, put.Path, put.FileName));
        var lines = DiagnosticsArchive.Lines(put.Body);
        Assert.All(lines, line => Assert.InRange(DiagnosticsArchive.TimeOf(line), from, to));
        Assert.Contains(lines, l => l.Contains(" SENT [2,", StringComparison.Ordinal) && l.Contains("\"Heartbeat\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" RECV [3,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" INFO Station.Triggers[2800] ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("BootNotification", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trace_is_stamped_with_the_station_clock_the_Central_System_set_not_the_host_clock()
    {
        var ahead = TimeSpan.FromHours(2);
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) =>
                new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow() + ahead, Interval = 60 }),
        });
        var session = await harness.BootAsync();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();

        var lines = await File.ReadAllLinesAsync(Path.Combine(harness.Trace.Directory, StationTrace.FileName));
        var status = lines.Last(l => l.Contains(" SENT [2,", StringComparison.Ordinal) && l.Contains("\"StatusNotification\"", StringComparison.Ordinal));
        var logged = lines.Last(l => l.Contains(" INFO Station.Boot[", StringComparison.Ordinal));

        Assert.Equal(harness.Station.Runtime.Clock.GetUtcNow(), DiagnosticsArchive.TimeOf(status));
        Assert.Equal(harness.Clock.GetUtcNow() + ahead, DiagnosticsArchive.TimeOf(status));
        Assert.Equal(harness.Clock.GetUtcNow() + ahead, DiagnosticsArchive.TimeOf(logged));
    }

    [Fact]
    public async Task A_call_right_after_GetDiagnostics_is_answered_while_the_archive_is_still_being_built()
    {
        GatedArchive? archive = null;
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ConfigureStation = options => options with { DiagnosticsArchive = archive = new GatedArchive(options.Trace!) },
        });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = http.Url("upload") });
        await archive!.Started.OrTimeout();
        var configuration = await session.CallAsync(new GetConfigurationRequest { Key = ["HeartbeatInterval"] }).OrTimeout();
        var finishedMeanwhile = archive.Finished;
        archive.Release();
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.Uploaded);

        Assert.NotNull(answer.FileName);
        Assert.Equal("HeartbeatInterval", Assert.Single(configuration.ConfigurationKey!).Key);
        Assert.False(finishedMeanwhile, "the GetConfiguration was answered while the archive was still being built");
        Assert.Equal(answer.FileName, Assert.Single(http.Requests).FileName);
    }

    [Fact]
    public async Task A_server_that_refuses_put_gets_a_multipart_post()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.RefusePut = true;
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = http.Url("upload") });
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.Uploaded);

        Assert.Equal(["PUT", "POST"], http.Requests.Select(r => r.Method));
        Assert.Equal(answer.FileName, http.Requests[1].FileName);
        Assert.Contains(DiagnosticsArchive.Lines(http.Requests[1].Body), l => l.Contains("\"BootNotification\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_in_the_window_is_answered_without_a_file_name_and_nothing_is_uploaded()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();
        var later = harness.Clock.GetUtcNow().AddHours(1);

        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = http.Url("upload"), StartTime = later, StopTime = later.AddHours(1) });
        await session.FenceAsync();

        Assert.Null(answer.FileName);
        Assert.Empty(session.DiagnosticsStatuses(answered));
        Assert.Empty(http.Requests);
    }

    [Fact]
    public async Task A_failing_upload_is_retried_at_the_given_interval_then_reported_and_reads_uploading_meanwhile()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.Fail("/upload", 500);
        var session = await harness.BootAsync();
        var interval = TimeSpan.FromSeconds(11);

        var before = session.LastSequence;
        await session.CallAsync(new GetDiagnosticsRequest { Location = http.Url("upload"), Retries = 1, RetryInterval = 11 }).OrTimeout();
        var first = await http.WaitForRequestAsync(1);
        await harness.Clock.WaitForTimerAtAsync(first.At + interval);
        var (_, triggered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.DiagnosticsStatusNotification });
        var (meanwhile, _) = await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(triggered);
        harness.Clock.Advance(interval);
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(before, n => n.Status == DiagnosticsStatus.UploadFailed);
        await session.FenceAsync();

        Assert.Equal(DiagnosticsStatus.Uploading, meanwhile.Status);
        Assert.Equal([first.At, first.At + interval], http.Requests.Select(r => r.At));
        Assert.Equal([DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed], session.DiagnosticsStatuses(before));
        var (_, idleAnswered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.DiagnosticsStatusNotification });
        Assert.Equal(DiagnosticsStatus.Idle, (await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(idleAnswered)).Request.Status);
    }

    [Fact]
    public async Task An_unsupported_scheme_announces_the_file_then_reports_the_failed_upload()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = new Uri("sftp://127.0.0.1/upload"), Retries = 0 });
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.UploadFailed);

        Assert.NotNull(answer.FileName);
        Assert.Equal([DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed], session.DiagnosticsStatuses(answered));
        await Eventually.TrueAsync(() => Directory.GetFiles(Path.Combine(harness.DataDirectory, "diagnostics")).Length == 0, "the archive deleted after the upload ended");
    }
}
