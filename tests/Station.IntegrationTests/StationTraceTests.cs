using System.Text;
using Microsoft.Extensions.Logging;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Diagnostics;
using Station.IntegrationTests.Support;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>The rotating trace on disk: bounded size, one line per entry, archives of a window.</summary>
public sealed class StationTraceTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly VirtualClock _clock = new();

    [Fact]
    public void Rotation_keeps_the_trace_within_its_bound()
    {
        using var trace = new StationTrace(_directory.Path, _clock, new StationTraceOptions { MaxFileBytes = 1024, MaxFiles = 2 });
        var frame = Encoding.UTF8.GetBytes($"[2,\"1\",\"DataTransfer\",{{\"vendorId\":\"{new string('x', 100)}\"}}]");

        for (var i = 0; i < 200; i++)
        {
            trace.OnFrame(FrameDirection.Sent, frame);
        }

        var files = Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["trace.1.log", "trace.2.log", "trace.log"], files);
        Assert.All(Directory.GetFiles(_directory.Path), f => Assert.InRange(new FileInfo(f).Length, 0, 1024 + 200));
    }

    [Fact]
    public async Task An_archive_holds_the_window_across_rotated_files_oldest_first()
    {
        using var trace = new StationTrace(_directory.Path, _clock, new StationTraceOptions { MaxFileBytes = 1024, MaxFiles = 50 });
        for (var i = 0; i < 100; i++)
        {
            trace.OnFrame(FrameDirection.Received, Encoding.UTF8.GetBytes($"[2,\"{i}\",\"Heartbeat\",{{}}]"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var archive = Path.Combine(_directory.Path, "out", "window.zip");
        var count = await trace.WriteArchiveAsync(archive, VirtualClock.Epoch.AddSeconds(10), VirtualClock.Epoch.AddSeconds(19));

        var lines = DiagnosticsArchive.Lines(await File.ReadAllBytesAsync(archive));
        Assert.Equal(10, count);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"RECV [2,\"{i}\",\"Heartbeat\",{{}}]"), lines.Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task Log_events_are_one_line_each_from_the_minimum_level_up()
    {
        using var trace = new StationTrace(_directory.Path, _clock);
        var logger = trace.CreateLogger("Station.Test");

        logger.Log(LogLevel.Debug, new EventId(1), "left out", null, (s, _) => s);
        logger.Log(LogLevel.Warning, new EventId(2), "two\nlines", new IOException("disk"), (s, _) => s);

        var archive = Path.Combine(_directory.Path, "all.zip");
        await trace.WriteArchiveAsync(archive, null, null);
        var line = Assert.Single(DiagnosticsArchive.Lines(await File.ReadAllBytesAsync(archive)));
        Assert.Equal("2026-03-17T09:26:53.417Z WARN Station.Test[2] two\\nlines (IOException: disk)", line);
    }

    [Fact]
    public async Task Passwords_in_locations_stay_out_of_the_files()
    {
        using var trace = new StationTrace(_directory.Path, _clock);

        trace.OnFrame(FrameDirection.Received, "[2,\"7\",\"UpdateFirmware\",{\"location\":\"ftp://op:s3cr%40t@10.0.0.1/fw.bin\",\"retrieveDate\":\"2026-03-17T09:26:53.417Z\"}]"u8);
        trace.OnFrame(FrameDirection.Received, "[2,\"8\",\"GetDiagnostics\",{\"location\":\"https://user@host/up\"}]"u8);

        var archive = Path.Combine(_directory.Path, "all.zip");
        await trace.WriteArchiveAsync(archive, null, null);
        var lines = DiagnosticsArchive.Lines(await File.ReadAllBytesAsync(archive));
        Assert.Contains("\"ftp://op:***@10.0.0.1/fw.bin\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"https://user@host/up\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", string.Join("\n", lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_window_leaves_an_archive_without_entries()
    {
        // GetDiagnostics names the file before the archive is written: the file is there either way.
        using var trace = new StationTrace(_directory.Path, _clock);
        trace.OnFrame(FrameDirection.Sent, "[2,\"1\",\"Heartbeat\",{}]"u8);

        var archive = Path.Combine(_directory.Path, "none.zip");
        var count = await trace.WriteArchiveAsync(archive, VirtualClock.Epoch.AddMinutes(1), null);

        Assert.Equal(0, count);
        Assert.Empty(DiagnosticsArchive.Lines(await File.ReadAllBytesAsync(archive)));
    }

    [Fact]
    public void The_oldest_entry_is_the_first_line_of_the_oldest_file_and_none_before_any_entry()
    {
        using var trace = new StationTrace(_directory.Path, _clock, new StationTraceOptions { MaxFileBytes = 1024, MaxFiles = 5 });
        var none = trace.OldestEntryAt();
        for (var i = 0; i < 40; i++)
        {
            trace.OnFrame(FrameDirection.Sent, "[2,\"1\",\"Heartbeat\",{}]"u8);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(none);
        Assert.Equal(VirtualClock.Epoch, trace.OldestEntryAt());
        Assert.True(File.Exists(Path.Combine(_directory.Path, "trace.1.log")), "the trace rotated");
    }

    [Fact]
    public async Task The_trace_follows_the_clock_it_is_handed()
    {
        using var trace = new StationTrace(_directory.Path, _clock);
        await using var runtime = new Station.Runtime.StationRuntime(_clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await runtime.SynchronizeClockAsync(_clock.GetUtcNow().AddHours(3));

        trace.UseClock(runtime.Clock);
        trace.OnFrame(FrameDirection.Sent, "[2,\"1\",\"Heartbeat\",{}]"u8);

        Assert.Equal(_clock.GetUtcNow().AddHours(3), trace.OldestEntryAt());
    }

    [Fact]
    public void A_trace_that_cannot_be_written_never_fails_the_caller()
    {
        var blocked = Path.Combine(_directory.Path, "a-file");
        File.WriteAllText(blocked, "not a directory");
        using var trace = new StationTrace(blocked, _clock);

        trace.OnFrame(FrameDirection.Sent, "[2,\"1\",\"Heartbeat\",{}]"u8);
        trace.CreateLogger("x").Log(LogLevel.Error, new EventId(3), "still fine", null, (s, _) => s);
    }

    public void Dispose() => _directory.Dispose();
}
