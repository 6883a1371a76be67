using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace CentralSystem.Web;

/// <summary>
/// Serves a web UI from files embedded in an assembly, so the UI ships inside the binary and
/// works offline: <c>/</c> is <c>index.html</c>, <c>/app.js</c> the embedded <c>app.js</c>.
/// Embed a folder with <c>&lt;EmbeddedResource Include="wwwroot/*" /&gt;</c> and pass
/// <c>{RootNamespace}.wwwroot</c>. Every answer forbids loading anything from another origin
/// (Content-Security-Policy), and pages revalidate with their ETag rather than keep a stale copy.
/// </summary>
public static class EmbeddedWebAssets
{
    /// <summary>The policy of every asset: scripts, styles, images and connections from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The files of this web UI that another UI serves as well, byte for byte: the station
    /// dashboard of the station host uses the same look, DOM helpers and message log, so there is
    /// one copy of each (here) rather than two that drift apart.
    /// </summary>
    public static IReadOnlyList<string> SharedFiles { get; } = ["ui.css", "dom.js", "frame-log.js"];

    /// <summary>The content of one of <see cref="SharedFiles"/>, for a host that embeds its own UI.</summary>
    public static byte[] ReadSharedFile(string file)
    {
        if (!SharedFiles.Contains(file))
        {
            throw new ArgumentException($"'{file}' is not a shared file of the web UI", nameof(file));
        }

        using var stream = typeof(EmbeddedWebAssets).Assembly.GetManifestResourceStream($"CentralSystem.wwwroot.{file}")
            ?? throw new InvalidOperationException($"the web UI file '{file}' is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Adds the middleware that answers GET and HEAD for the embedded files of
    /// <paramref name="baseNamespace"/>; other requests pass on to the rest of the pipeline.
    /// The folder is flat: the embedded file provider maps <c>/</c> in a path to a dot.
    /// </summary>
    public static IApplicationBuilder UseEmbeddedWebAssets(this IApplicationBuilder app, Assembly assembly, string baseNamespace)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(assembly, baseNamespace);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = asset =>
            {
                var headers = asset.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
            },
        });
    }

    /// <summary>
    /// True for a state-changing request a page of another origin sent (its <c>Origin</c> names
    /// another host, or the browser marks it cross-site): an API on loopback refuses those, so
    /// that a web page the user visits cannot drive it. Tools like curl send no <c>Origin</c>.
    /// </summary>
    public static bool IsCrossOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
