using System.Net;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CentralSystem.Tests;

public sealed class OptionsAndLogTests
{
    [Fact]
    public void Default_options_are_valid_and_listen_on_loopback_at_any_free_port()
    {
        var options = new CentralSystemOptions().Validate();

        Assert.Equal((IPAddress.Loopback, 0, "/ocpp", 60), (options.ListenAddress, options.Port, options.Path, options.HeartbeatInterval));
        Assert.Equal(TimeSpan.FromSeconds(60), options.ResponseTimeout);
    }

    public static TheoryData<CentralSystemOptions, string> InvalidOptions => new()
    {
        { new CentralSystemOptions { Port = 70000 }, "Port" },
        { new CentralSystemOptions { Path = "ocpp" }, "Path" },
        { new CentralSystemOptions { Path = "/ocpp/" }, "Path" },
        { new CentralSystemOptions { HeartbeatInterval = -1 }, "HeartbeatInterval" },
        { new CentralSystemOptions { ResponseTimeout = TimeSpan.Zero }, "ResponseTimeout" },
        { new CentralSystemOptions { CloseTimeout = TimeSpan.Zero }, "CloseTimeout" },
        { new CentralSystemOptions { MaxMessageBytes = 0 }, "MaxMessageBytes" },
        { new CentralSystemOptions { FrameHistoryLimit = -1 }, "FrameHistoryLimit" },
        { new CentralSystemOptions { DeniedIdTags = ["ThisIdTagIsLongerThanTwenty"] }, "DeniedIdTags" },
        { new CentralSystemOptions { ParentIdTags = new Dictionary<string, string> { ["CHILD"] = "" } }, "ParentIdTags" },
        { new CentralSystemOptions { ParentIdTags = new Dictionary<string, string> { ["child"] = "A", ["CHILD"] = "B" } }, "ParentIdTags" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_refused_naming_the_setting(CentralSystemOptions options, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Equal(setting, error.ParamName);
        Assert.StartsWith($"CentralSystemOptions.{setting} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_collections_are_copied_at_start_so_later_changes_do_not_leak_in()
    {
        var denied = new List<string> { "BLOCKED01" };
        await using var server = await CentralSystemServer.StartAsync(
            new CentralSystemOptions { DeniedIdTags = denied }, NullLoggerFactory.Instance, TimeProvider.System);

        denied.Add("LATE");

        Assert.Equal(["BLOCKED01"], server.Options.DeniedIdTags);
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_with_the_socket_error()
    {
        await using var first = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System);

        var error = await Record.ExceptionAsync(() =>
            CentralSystemServer.StartAsync(new CentralSystemOptions { Port = first.Port }, NullLoggerFactory.Instance, TimeProvider.System).WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System));

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Contains("address already in use", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Starting_with_invalid_options_fails_before_listening()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            CentralSystemServer.StartAsync(new CentralSystemOptions { Port = -1 }, NullLoggerFactory.Instance, TimeProvider.System));
    }

    [Fact]
    public void Log_event_ids_are_unique_and_within_1000_to_1099()
    {
        var log = typeof(CentralSystemServer).Assembly.GetType("CentralSystem.CentralSystemLog", throwOnError: true)!;
        var ids = log.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(attribute => attribute.EventId)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 1000, 1099));
    }
}
