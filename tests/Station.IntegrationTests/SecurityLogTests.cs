using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>GetLog beyond TC_079: the diagnostics log, the window, failures, cancelling, bad input; and that no secret reaches a log.</summary>
public sealed class SecurityLogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetLog_DiagnosticsLog_uploads_the_station_trace_with_LogStatusNotification()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(Request(LogEnumType.DiagnosticsLog, http.Url("up/"), 12));
        await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.Uploaded && n.RequestId == 12);

        Assert.Equal(LogStatusEnumType.Accepted, answer.Status);
        Assert.StartsWith("diagnosticslog-", answer.Filename, StringComparison.Ordinal);
        var upload = Assert.Single(http.Requests, r => r.Method is "PUT" or "POST");
        Assert.Contains(DiagnosticsArchive.Lines(upload.Body), l => l.Contains("\"BootNotification\"", StringComparison.Ordinal));
        Assert.Empty(session.CallsAfter<DiagnosticsStatusNotificationRequest>(0));
    }

    [Fact]
    public async Task GetLog_takes_only_the_events_of_the_window()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();
        await harness.AdvanceAsync(TimeSpan.FromMinutes(5));
        var from = harness.Clock.GetUtcNow();
        harness.Station.Block<ISecurityEvents>()!.Report(SecurityEventTypes.InvalidMessages, "in the window");

        var request = Request(LogEnumType.SecurityLog, http.Url("up/"), 13);
        var (_, answered) = await session.CallRecordedAsync(request with { Log = request.Log with { OldestTimestamp = from, LatestTimestamp = from.AddMinutes(1) } });
        await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.Uploaded);

        var lines = SecurityConformanceTests.SecurityLogLines(Assert.Single(http.Requests, r => r.Method is "PUT" or "POST").Body);
        Assert.Equal("InvalidMessages in the window", Assert.Single(lines)[25..]);
    }

    [Fact]
    public async Task A_failed_upload_is_retried_then_reported_UploadFailure_and_a_new_GetLog_cancels_a_running_one()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.Fail("broken/", 500);
        var session = await harness.BootAsync();

        var request = Request(LogEnumType.SecurityLog, http.Url("broken/"), 20) with { Retries = 1, RetryInterval = 90 };
        var (_, answered) = await session.CallRecordedAsync(request);
        await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.Uploading);
        await http.WaitForRequestAsync(1);
        var replacing = await session.CallAsync(Request(LogEnumType.SecurityLog, http.Url("broken/"), 21) with { Retries = 1, RetryInterval = 90 }).OrTimeout();
        Assert.Equal(LogStatusEnumType.AcceptedCanceled, replacing.Status);
        await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.Uploading && n.RequestId == 21);
        await http.WaitForRequestAsync(2);
        await harness.Clock.WaitForTimerAtAsync(harness.Clock.GetUtcNow().AddSeconds(90));
        harness.Clock.Advance(TimeSpan.FromSeconds(90));
        await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.UploadFailure && n.RequestId == 21);
        await session.FenceAsync();

        Assert.Equal(3, http.Requests.Count(r => r.Method is "PUT" or "POST"));
        Assert.DoesNotContain(session.CallsAfter<LogStatusNotificationRequest>(answered), n => n.RequestId == 20 && n.Status != UploadLogStatusEnumType.Uploading);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("gopher://127.0.0.1/logs/")]
    public async Task GetLog_to_a_location_that_is_no_supported_URL_is_Rejected(string location)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var answer = await session.CallAsync(new GetLogRequest
        {
            LogType = LogEnumType.SecurityLog,
            RequestId = 1,
            Log = new LogParametersType { RemoteLocation = location },
        }).OrTimeout();
        var backwards = await session.CallAsync(new GetLogRequest
        {
            LogType = LogEnumType.SecurityLog,
            RequestId = 2,
            Log = new LogParametersType { RemoteLocation = "http://127.0.0.1:9/", OldestTimestamp = harness.Clock.GetUtcNow(), LatestTimestamp = harness.Clock.GetUtcNow().AddDays(-1) },
        }).OrTimeout();
        await session.FenceAsync();

        Assert.Equal(LogStatusEnumType.Rejected, answer.Status);
        Assert.Null(answer.Filename);
        Assert.Equal(LogStatusEnumType.Rejected, backwards.Status);
        Assert.Empty(session.CallsAfter<LogStatusNotificationRequest>(0));
    }

    [Fact]
    public async Task GetLog_without_a_requestId_is_a_CALLERROR()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var before = session.LastSequence;
        await session.SendRawAsync("[2,\"getlog-1\",\"GetLog\",{\"logType\":\"SecurityLog\",\"log\":{\"remoteLocation\":\"http://127.0.0.1:9/\"}}]").OrTimeout();
        var error = await session.WaitForFrameAsync(before, f => f.MessageId == "getlog-1" && f.Direction == Ocpp16.Rpc.FrameDirection.Received).OrTimeout();
        Assert.Equal(Ocpp16.Framing.MessageTypeId.CallError, error.MessageType);
    }

    [Fact]
    public async Task No_log_line_trace_or_uploaded_log_contains_the_AuthorizationKey_or_a_private_key()
    {
        const string Secret = "0123456789abcdefFEDCBA9876543210";
        using var key = System.Security.Cryptography.ECDsa.Create();
        var privateKey = key.ExportPkcs8PrivateKeyPem();
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();

        await session.CallAsync(new ChangeConfigurationRequest { Key = "AuthorizationKey", Value = Secret }).OrTimeout();
        await session.CallAsync(new DataTransferRequest { VendorId = "test", Data = privateKey }).OrTimeout();
        harness.Station.Block<ISecurityEvents>()!.Report(SecurityEventTypes.ReconfigurationOfSecurityParameters, "AuthorizationKey changed");
        var (diagnostics, diagnosticsAt) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = http.Url("diag/") });
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(diagnosticsAt, n => n.Status == DiagnosticsStatus.Uploaded);
        var (_, securityAt) = await session.CallRecordedAsync(Request(LogEnumType.SecurityLog, http.Url("sec/"), 30));
        await session.NextCallAsync<LogStatusNotificationRequest>(securityAt, n => n.Status == UploadLogStatusEnumType.Uploaded);
        var (_, diagnosticsLogAt) = await session.CallRecordedAsync(Request(LogEnumType.DiagnosticsLog, http.Url("dlog/"), 31));
        await session.NextCallAsync<LogStatusNotificationRequest>(diagnosticsLogAt, n => n.Status == UploadLogStatusEnumType.Uploaded);

        var keyBody = privateKey.Split('\n')[1];
        List<(string Where, string Text)> everything =
        [
            .. harness.Logs.Entries.Where(e => e.Category.StartsWith("Station", StringComparison.Ordinal)).Select(e => ("log " + e.Category, e.Message)),
            .. Directory.EnumerateFiles(harness.DataDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".db", StringComparison.Ordinal) && !f.Contains(".db-", StringComparison.Ordinal))
                .Select(f => ("file " + f, File.ReadAllText(f))),
            .. http.Requests.Where(r => r.Method is "PUT" or "POST").Select(r => ("upload " + r.FileName, Unzipped(r.Body))),
        ];
        Assert.NotNull(diagnostics.FileName);
        Assert.Equal(3, everything.Count(e => e.Where.StartsWith("upload", StringComparison.Ordinal)));
        Assert.Contains(everything, e => e.Text.Contains("AuthorizationKey", StringComparison.Ordinal));
        Assert.All(everything, e => Assert.False(e.Text.Contains(Secret, StringComparison.Ordinal), $"the AuthorizationKey is in {e.Where}"));
        Assert.All(everything, e => Assert.False(e.Text.Contains(keyBody, StringComparison.Ordinal), $"the private key is in {e.Where}"));
    }

    private static string Unzipped(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip), System.IO.Compression.ZipArchiveMode.Read);
        return string.Concat(archive.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    private static GetLogRequest Request(LogEnumType type, Uri location, int requestId) => new()
    {
        LogType = type,
        RequestId = requestId,
        Retries = 0,
        Log = new LogParametersType { RemoteLocation = location.ToString() },
    };
}
