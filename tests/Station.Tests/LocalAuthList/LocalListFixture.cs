using Ocpp16.Testing;
using Station.Configuration;
using Station.LocalAuthList;
using Station.Runtime;
using Station.Tests.Support;

namespace Station.Tests.LocalAuthList;

/// <summary>The ground a <see cref="LocalAuthListService"/> stands on: its keys (with small limits a test gives), a runtime and its logs.</summary>
internal sealed class LocalListFixture : IAsyncDisposable
{
    private readonly Microsoft.Extensions.Logging.ILoggerFactory _loggerFactory;

    public LocalListFixture(int sendMax = LocalAuthListKeys.DefaultBatchLength, int listMax = LocalAuthListKeys.DefaultListLength)
    {
        ConfigurationStore = new InMemoryConfigurationStore(new Dictionary<string, string>
        {
            [LocalAuthListKeys.SendLocalListMaxLength] = sendMax.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LocalAuthListKeys.LocalAuthListMaxLength] = listMax.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _loggerFactory = Logs.CreateFactory();
        Runtime = new StationRuntime(Clock, _loggerFactory);
        Configuration = new ConfigurationService(LocalAuthListKeys.Definitions, ConfigurationStore, _loggerFactory.CreateLogger("Station.Configuration"));
    }

    public VirtualClock Clock { get; } = new();

    public TestLogSink Logs { get; } = new();

    public InMemoryConfigurationStore ConfigurationStore { get; }

    public ConfigurationService Configuration { get; }

    public StationRuntime Runtime { get; }

    public LocalAuthListService Service(ILocalAuthListStore store) => new(store, Configuration, Runtime);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        _loggerFactory.Dispose();
        Logs.AssertNoErrors();
    }
}
