using CentralSystem;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests;

/// <summary>
/// What the tests of the station as a process share: a built-in Central System in the test process
/// for the station processes to connect to, and a data directory removed afterwards.
/// </summary>
public abstract class CentralSystemProcessTest : IAsyncLifetime
{
    /// <summary>How long a station process may take for any one step before the test fails.</summary>
    protected static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Where the station processes of a test keep their data.</summary>
    protected TempDirectory Data { get; } = new();

    /// <summary>The Central System the station processes connect to.</summary>
    protected CentralSystemServer Csms { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() =>
        Csms = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System).OrTimeout();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Csms.DisposeAsync();
        Data.Dispose();
    }
}
