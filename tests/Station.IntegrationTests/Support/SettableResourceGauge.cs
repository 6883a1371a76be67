using Station.Security.Events;

namespace Station.IntegrationTests.Support;

/// <summary>A gauge that reads what the test set: healthy until told otherwise.</summary>
internal sealed class SettableResourceGauge : IResourceGauge
{
    private const long GiB = 1024L * 1024 * 1024;

    /// <summary>What <see cref="Read"/> answers; callable from any thread.</summary>
    public ResourceReading Reading { get; set; } = new(1 * GiB, 8 * GiB, 50 * GiB, 100 * GiB);

    /// <summary>How often the station read it.</summary>
    public int Reads { get; private set; }

    public ResourceReading Read()
    {
        Reads++;
        return Reading;
    }
}
