using System.Globalization;
using System.IO.Compression;
using System.Text;
using Xunit;

namespace Station.IntegrationTests.Support;

/// <summary>Reads an uploaded diagnostics archive: the trace lines and their times.</summary>
internal static class DiagnosticsArchive
{
    public static IReadOnlyList<string> Lines(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = Assert.Single(archive.Entries);
        Assert.Equal("trace.log", entry.FullName);
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static DateTimeOffset TimeOf(string line) =>
        DateTimeOffset.ParseExact(line[..line.IndexOf(' ', StringComparison.Ordinal)], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
