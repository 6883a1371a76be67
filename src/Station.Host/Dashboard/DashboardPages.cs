using System.Collections.Frozen;
using System.Security.Cryptography;
using CentralSystem.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Station.Host.Dashboard;

/// <summary>
/// The dashboard's files, embedded in the binary (<c>Dashboard/wwwroot</c>, and the files it shares
/// with the Central System's UI, <see cref="EmbeddedWebAssets.SharedFiles"/>), so the pages work
/// offline and load nothing from another host. The station page uses relative URLs only, so the
/// same files serve a lone station at <c>/</c> and a station of a fleet at <c>/stations/{id}/</c>.
/// Every answer carries the same Content-Security-Policy as the Central System's UI.
/// </summary>
internal static class DashboardPages
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The names of the embedded files.</summary>
    public static IEnumerable<string> Files => Assets.Keys;

    /// <summary>The station dashboard at <c>/</c> of <paramref name="routes"/>, and its files next to it.</summary>
    public static void MapStation(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/", GetOrHead, context => ServeAsync(context, "index.html"));
        routes.MapMethods("/{file}", GetOrHead, context => ServeAsync(context, File(context)));
    }

    /// <summary>
    /// The fleet view at <c>/</c> and every station's dashboard at <c>/stations/{id}/</c>, for the
    /// fleet host; the station endpoints under <c>/stations/{id}/</c> (state, events, control) are its own.
    /// </summary>
    public static void MapFleet(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/", GetOrHead, context => ServeAsync(context, "fleet.html"));
        routes.MapMethods("/{file}", GetOrHead, context => ServeAsync(context, File(context)));

        // Routing matches /stations/X and /stations/X/ alike; relative URLs need the slash (/stations/X/state, not /stations/state).
        routes.MapMethods("/stations/{id}/", GetOrHead, context => context.Request.Path.Value!.EndsWith('/')
            ? ServeAsync(context, "index.html")
            : Results.Redirect(context.Request.Path.Value + "/").ExecuteAsync(context));
        routes.MapMethods("/stations/{id}/{file}", GetOrHead, context => ServeAsync(context, File(context)));
    }

    private static string File(HttpContext context) => context.Request.RouteValues["file"] as string ?? string.Empty;

    private static Task ServeAsync(HttpContext context, string file)
    {
        var response = context.Response;
        if (!Assets.TryGetValue(file, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        response.Headers.ContentSecurityPolicy = EmbeddedWebAssets.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";

        // Revalidated on every load (a new binary may bring new files), answered 304 when unchanged.
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(asset.Content).AsTask();
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardPages).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var file = name[ResourcePrefix.Length..];
            assets[file] = Describe(file, content);
        }

        // The look, the DOM helpers and the message log are the Central System UI's own files, served as they are.
        foreach (var file in EmbeddedWebAssets.SharedFiles)
        {
            assets.Add(file, Describe(file, EmbeddedWebAssets.ReadSharedFile(file)));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Asset Describe(string file, byte[] content) =>
        new(content, ContentTypeOf(file), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
