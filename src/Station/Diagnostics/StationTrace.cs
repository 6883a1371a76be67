using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Ocpp16.Rpc;

namespace Station.Diagnostics;

/// <summary>
/// The station's rotating message trace and event log, in one directory (the host uses
/// <c>DATA-DIR/logs</c>): every OCPP frame as an <see cref="IFrameObserver"/>, and every log event
/// as an <see cref="ILoggerProvider"/> the host adds to its logging. One line per entry:
/// <c>2026-03-17T09:26:53.417Z SENT [2,"1","Heartbeat",{}]</c>, or
/// <c>… INFO Station.Boot[2400] BootNotification answered Accepted, interval 60 s</c>.
/// <c>trace.log</c> rotates to <c>trace.1.log</c> … <c>trace.N.log</c>, the oldest dropped, so the
/// trace stays size-bounded. GetDiagnostics archives the lines of a time window. Entries carry the
/// station clock of the running instance (<see cref="UseClock"/>), synchronised with the Central
/// System, as the messages do. Writing never fails the station: a trace that cannot be written is skipped.
/// </summary>
public sealed partial class StationTrace : IFrameObserver, ILoggerProvider, IDiagnosticsArchive
{
    /// <summary>The file written now.</summary>
    public const string FileName = "trace.log";

    // Millisecond UTC times sort as text and parse back exactly.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private TimeProvider _clock;
    private readonly StationTraceOptions _options;
    private readonly Lock _gate = new();
    private StreamWriter? _writer;
    private long _size;
    private bool _disposed;

    /// <summary>Creates the trace; files are created on the first entry.</summary>
    /// <param name="directory">Where the trace files live.</param>
    /// <param name="timeProvider">Stamps each entry until a station instance hands over its clock (<see cref="UseClock"/>).</param>
    /// <param name="options">Size bounds and level; defaults when null.</param>
    public StationTrace(string directory, TimeProvider timeProvider, StationTraceOptions? options = null)
    {
        Directory = directory;
        _clock = timeProvider;
        _options = (options ?? new StationTraceOptions()).Validate();
    }

    /// <summary>Where the trace files live.</summary>
    public string Directory { get; }

    /// <summary>
    /// Stamps entries from now on with <paramref name="clock"/>: a station instance hands over its
    /// station clock, synchronised with the Central System, so the trace reads like its messages.
    /// </summary>
    public void UseClock(TimeProvider clock) => Volatile.Write(ref _clock, clock);

    /// <inheritdoc/>
    public DateTimeOffset? OldestEntryAt()
    {
        lock (_gate)
        {
            _writer?.Flush();
        }

        foreach (var file in FilesOldestFirst())
        {
            try
            {
                using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);
                if (reader.ReadLine() is { } line && TimeOf(line) is { } at)
                {
                    return at;
                }
            }
            catch (FileNotFoundException)
            {
                // Rotated away meanwhile: the next file is older still.
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        // UpdateFirmware and GetDiagnostics locations may carry a password: it stays out of the files.
        var text = Encoding.UTF8.GetString(frame);
        if (text.Contains("://", StringComparison.Ordinal))
        {
            text = UrlPassword().Replace(text, "***");
        }

        // A write-only key's value (AuthorizationKey) and private keys never reach a file either.
        text = Ocpp16.Security.SecretText.Redact(text);

        Append(direction == FrameDirection.Sent ? "SENT" : "RECV", text);
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new TraceLogger(this, categoryName);

    /// <summary>
    /// Writes the entries stamped from <paramref name="from"/> to <paramref name="to"/> (either
    /// open when null) into a zip archive at <paramref name="archivePath"/>, oldest first, as one
    /// <c>trace.log</c>. Returns how many; with none, the archive holds an empty <c>trace.log</c>
    /// (GetDiagnostics named the file before it was written).
    /// </summary>
    public async Task<int> WriteArchiveAsync(string archivePath, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _writer?.Flush();
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivePath))!);
        var count = 0;
        var archive = new FileStream(archivePath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (archive.ConfigureAwait(false))
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Create);
            var entry = zip.CreateEntry(FileName, CompressionLevel.Optimal);
            var output = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            await using (output.ConfigureAwait(false))
            {
                foreach (var file in FilesOldestFirst())
                {
                    count += await CopyWindowAsync(file, output, from, to, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
    }

    private static string Escape(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : text;

    private static async Task<int> CopyWindowAsync(string file, StreamWriter output, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var count = 0;
        try
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (TimeOf(line) is { } at && (from is null || at >= from) && (to is null || at <= to))
                {
                    await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                    count++;
                }
            }
        }
        catch (FileNotFoundException)
        {
            // Rotated away while the archive was being written.
        }

        return count;
    }

    private static DateTimeOffset? TimeOf(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DateTimeOffset.TryParseExact(line.AsSpan(0, space), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }

    private string PathOf(int generation) => Path.Combine(Directory, generation == 0 ? FileName : $"trace.{generation}.log");

    private IEnumerable<string> FilesOldestFirst() =>
        Enumerable.Range(0, _options.MaxFiles + 1).Reverse().Select(PathOf).Where(File.Exists);

    private void Append(string kind, string text)
    {
        var line = $"{Volatile.Read(ref _clock).GetUtcNow().UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)} {kind} {Escape(text)}\n";
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                _writer ??= Open();
                _writer.Write(line);
                _writer.Flush();
                _size += Encoding.UTF8.GetByteCount(line);
                if (_size >= _options.MaxFileBytes)
                {
                    Rotate();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full or read-only disk loses trace lines, never the station; the next entry tries again.
                _writer?.Dispose();
                _writer = null;
            }
        }
    }

    private StreamWriter Open()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var stream = new FileStream(PathOf(0), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _size = stream.Length;
        return new StreamWriter(stream, new UTF8Encoding(false));
    }

    private void Rotate()
    {
        _writer?.Dispose();
        _writer = null;
        File.Delete(PathOf(_options.MaxFiles));
        for (var generation = _options.MaxFiles - 1; generation >= 0; generation--)
        {
            if (File.Exists(PathOf(generation)))
            {
                File.Move(PathOf(generation), PathOf(generation + 1));
            }
        }
    }

    // The password of "scheme://user:password@host" (RFC 3986 user info).
    [GeneratedRegex(@"(?<=://[^/?#@:""\s]*:)[^/?#@""\s]*(?=@)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    private sealed class TraceLogger(StationTrace trace, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= trace._options.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            if (exception is not null)
            {
                text = $"{text} ({exception.GetType().Name}: {exception.Message})";
            }

            // Log lines are written without secrets already; masked here as well, as the frames are, in case one quotes a frame.
            trace.Append(Level(logLevel), $"{category}[{eventId.Id}] {Ocpp16.Security.SecretText.Redact(text)}");
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "TRCE",
            LogLevel.Debug => "DBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARN",
            LogLevel.Error => "FAIL",
            _ => "CRIT",
        };
    }
}
