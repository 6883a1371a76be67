using Microsoft.Extensions.Time.Testing;
using Station.Security.Events;
using Xunit;

namespace Station.Tests.Security;

/// <summary>The process's reading of memory and storage, and the one reading a fleet's stations share.</summary>
public sealed class ResourceGaugeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gauge-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_data_directory_not_created_yet_is_read_through_the_nearest_existing_directory_above_it()
    {
        // A fleet station's directory exists only once it needs one; on Linux DriveInfo threw for it.
        var reading = new ProcessResourceGauge(Path.Combine(_root, "stations", "SIM-00001")).Read();

        Assert.NotNull(reading.StorageFreeBytes);
        Assert.True(reading.StorageTotalBytes >= reading.StorageFreeBytes);
        Assert.True(reading.MemoryLimitBytes > 0);
    }

    [Fact]
    public void No_data_directory_reads_memory_only()
    {
        var reading = new ProcessResourceGauge(dataDirectory: null).Read();

        Assert.Null(reading.StorageFreeBytes);
        Assert.Null(reading.StorageTotalBytes);
    }

    [Fact]
    public void The_shared_gauge_reads_its_inner_gauge_once_per_max_age()
    {
        var clock = new FakeTimeProvider();
        var inner = new CountingGauge();
        var shared = new SharedResourceGauge(inner, TimeSpan.FromSeconds(10), clock);

        var first = shared.Read();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Same(first, shared.Read());
        Assert.Equal(1, inner.Reads);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotSame(first, shared.Read());
        Assert.Equal(2, inner.Reads);
    }

    private sealed class CountingGauge : IResourceGauge
    {
        public int Reads { get; private set; }

        public ResourceReading Read() => new(++Reads, 100, null, null);
    }
}
