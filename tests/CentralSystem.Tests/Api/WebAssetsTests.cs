using System.Net;
using System.Text.RegularExpressions;
using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace CentralSystem.Tests.Api;

/// <summary>The web UI's files, embedded in the assembly, and the request schemas its form is built from.</summary>
public sealed partial class WebAssetsTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task The_root_serves_the_page_with_a_policy_that_allows_nothing_from_another_origin()
    {
        using var response = await _csms.Http.GetAsync("/").Bounded();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("<script type=\"module\" src=\"app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_embedded_file_is_served_with_its_type_and_refers_only_to_files_of_the_same_origin()
    {
        var files = typeof(CentralSystemServer).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("CentralSystem.wwwroot.", StringComparison.Ordinal))
            .Select(name => name["CentralSystem.wwwroot.".Length..])
            .ToList();
        Assert.Contains("index.html", files);
        Assert.Contains("app.js", files);

        foreach (var file in files)
        {
            using var response = await _csms.Http.GetAsync(file).Bounded();
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Path.GetExtension(file) switch { ".html" => "text/html", ".js" => "text/javascript", ".css" => "text/css", _ => "?" }, response.Content.Headers.ContentType?.MediaType);
            foreach (Match reference in References().Matches(text))
            {
                var target = reference.Groups["target"].Value;
                Assert.True(
                    target.StartsWith("data:", StringComparison.Ordinal) || (!target.Contains(':', StringComparison.Ordinal) && !target.StartsWith("//", StringComparison.Ordinal)),
                    $"{file} refers to {target}");
                Assert.True(target.StartsWith("data:", StringComparison.Ordinal) || files.Contains(target.TrimStart('.', '/')), $"{file} refers to {target}, which is not embedded");
            }
        }
    }

    [Fact]
    public async Task A_file_not_changed_since_is_answered_304()
    {
        using var first = await _csms.Http.GetAsync("app.js").Bounded();
        using var again = new HttpRequestMessage(HttpMethod.Get, "app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await _csms.Http.SendAsync(again).Bounded();

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task A_path_that_is_neither_page_nor_API_still_gets_the_WebSocket_endpoints_refusal()
    {
        using var response = await _csms.Http.GetAsync("nothing/here").Bounded();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not an OCPP endpoint: charge points connect to /ocpp/{chargePointId}\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_actions_are_every_request_the_library_models_in_the_Central_System_direction_each_with_its_official_schema()
    {
        var expected = OcppActions.All.Where(a => a.Direction is MessageDirection.CentralSystemToChargePoint or MessageDirection.Both).Select(a => a.Name).Order(StringComparer.Ordinal);

        var actions = (await _csms.Api.GetAsync("actions")).Ok().EnumerateArray().ToList();

        Assert.Equal(expected, actions.Select(a => a.GetProperty("action").GetString()));
        foreach (var action in actions)
        {
            var name = action.GetProperty("action").GetString()!;
            Assert.Equal(OcppActions.All.Single(a => a.Name == name).Profile.ToString(), action.GetProperty("profile").GetString());
            using var schema = await _csms.Http.GetAsync(action.GetProperty("schema").GetString()).Bounded();
            Assert.Equal(await File.ReadAllBytesAsync(OcppSchemas.FileFor(name, isResponse: false)), await schema.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("Heartbeat")]
    [InlineData("Nothing")]
    public async Task There_is_no_schema_of_a_request_the_Central_System_does_not_send(string action)
    {
        var answer = await _csms.Api.GetAsync($"actions/{action}/schema");

        Assert.Equal($"no schema of a request the Central System sends is named '{action}'", answer.ErrorFor(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Without_the_option_the_server_serves_no_page_and_no_API()
    {
        await using var csms = await TestCentralSystem.StartAsync();

        using var page = await csms.Http.GetAsync("/").Bounded();
        using var stations = await csms.Http.GetAsync("stations").Bounded();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, stations.StatusCode));
    }

    // src="…", href="…", import … from '…', url(…)
    [GeneratedRegex("""(?:src|href)="(?<target>[^"]+)"|from\s+'(?<target>[^']+)'|url\((?<target>[^)]+)\)""")]
    private static partial Regex References();
}
