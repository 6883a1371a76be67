using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Composition;
using Station.IntegrationTests.Support;
using Station.Security.Connection;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// Issue 12: no log line, trace line or uploaded log of either side ever holds the Basic password
/// (the AuthorizationKey, old, new or refused) or a private key. A session at profile 1 or 2 with a
/// key change, a certificate renewal and both log uploads, then everything written is searched:
/// the station's and the Central System's log lines, what <c>csms</c> prints per frame (readable and
/// --json), the trace files in the data directory, and the uploaded DiagnosticsLog and SecurityLog.
/// </summary>
public sealed class SecretsNeverLoggedTests(ITestOutputHelper output)
{
    private const string NewKey = "4F43415F4F4354545F61646D696E5F74657374";

    // Too short (16 to 40 characters): Rejected, and not logged either.
    private const string RefusedKey = "short-secret-15";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_log_line_trace_line_or_uploaded_log_of_either_side_holds_a_password_or_a_private_key(int profile)
    {
        using var secure = new SecureStation(profile);
        var csmsOutput = new ConcurrentQueue<string>();
        var options = secure.Options(output.WriteLine) with
        {
            Composition = StationComposition.Default,
            ScriptCentralSystem = (csms, _) => csms.FrameRecorded += (_, frame) =>
            {
                csmsOutput.Enqueue(MessageFormatter.Format(frame));
                csmsOutput.Enqueue(JsonLine(frame));
            },
        };
        await using var harness = await StationHarness.StartAsync(options);
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();
        await session.FenceAsync();

        // A refused key, then a new key the Central System knows: the station reconnects with it.
        var refused = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.AuthorizationKey, Value = RefusedKey }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Rejected, refused.Status);
        harness.Csms.SetBasicAuthPassword(secure.ChargePointId, NewKey);
        var changed = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.AuthorizationKey, Value = NewKey }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Accepted, changed.Status);
        session = await SecureStation.ReconnectedAsync(harness, session);

        // A new key pair made on the station, and its certificate.
        var csr = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Handle(OcppActions.SignCertificate, (_, request) =>
        {
            csr.TrySetResult(request.Csr);
            return new SignCertificateResponse { Status = GenericStatusEnumType.Accepted };
        });
        await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate }).OrTimeout();
        var now = TimeProvider.System.GetUtcNow();
        var signed = secure.Authority.SignRequest(await csr.Task.OrTimeout(), now.AddDays(-1), now.AddDays(20));
        Assert.Equal(CertificateSignedStatusEnumType.Accepted, (await session.CallAsync(new CertificateSignedRequest { CertificateChain = signed }).OrTimeout()).Status);

        // Both logs uploaded.
        foreach (var (type, requestId) in new[] { (LogEnumType.DiagnosticsLog, 1), (LogEnumType.SecurityLog, 2) })
        {
            var (answer, answered) = await session.CallRecordedAsync(new GetLogRequest
            {
                LogType = type,
                RequestId = requestId,
                Log = new LogParametersType { RemoteLocation = http.Url("logs/").ToString() },
            });
            Assert.Equal(LogStatusEnumType.Accepted, answer.Status);
            await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.Uploaded && n.RequestId == requestId);
        }

        await session.FenceAsync();
        var written = new List<(string Where, string Text)>();
        written.AddRange(harness.Logs.Entries.Select(e => ("log", e.ToString())));
        written.AddRange(csmsOutput.Select(line => ("csms", line)));
        written.AddRange(Directory.EnumerateFiles(harness.Trace.Directory).Select(f => ("trace " + Path.GetFileName(f), ReadShared(f))));
        written.AddRange(http.Requests.Where(r => r.Method is "PUT" or "POST").SelectMany(r => Unzipped(r.Body).Select(t => ("upload " + r.FileName, t))));

        // Not vacuous: the key changes were seen, masked, by both sides, and the uploads hold the trace.
        Assert.Contains(written, w => w.Where == "csms" && w.Text.Contains("ChangeConfiguration key=AuthorizationKey value=***", StringComparison.Ordinal));
        Assert.Contains(written, w => w.Where.StartsWith("upload diagnosticslog", StringComparison.Ordinal) && w.Text.Contains("AuthorizationKey", StringComparison.Ordinal));
        Assert.Contains(written, w => w.Where.StartsWith("upload securitylog", StringComparison.Ordinal) && w.Text.Contains("ReconfigurationOfSecurityParameters", StringComparison.Ordinal));

        var credentials = (string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{secure.ChargePointId}:{key}"));
        string[] secrets =
        [
            SecureStation.Password, NewKey, RefusedKey, credentials(SecureStation.Password), credentials(NewKey), "PRIVATE KEY",
            .. KeyBody(secure.ClientCertificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()),
        ];
        var leaks = written.SelectMany(w => secrets.Where(s => w.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"{w.Where}: '{s}'")).ToList();
        Assert.True(leaks.Count == 0, "secrets written: " + string.Join("; ", leaks.Distinct()));
    }

    // A PEM key's base64 lines (long enough to be unmistakable).
    private static IEnumerable<string> KeyBody(string pem) => pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 32);

    // The csms --json line of a frame (FrameLineWriter writes one object of these properties).
    private static string JsonLine(RecordedFrame frame)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            FrameJson.WriteProperties(writer, frame);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Unzipped(byte[] body)
    {
        using var archive = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        })];
    }
}
