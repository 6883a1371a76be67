using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ocpp16.Testing;

namespace Station.Testing;

/// <summary>
/// A real HTTP (or HTTPS, with a generated certificate) file server on loopback, in the test
/// process: serves the files a test adds, stores uploads, answers chosen paths with an error, and
/// records every request with the time of its arrival.
/// </summary>
public sealed class HttpFileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly List<HttpFileRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private HttpFileServer(TimeProvider clock, X509Certificate2? certificate)
    {
        _clock = clock;
        Certificate = certificate;
    }

    /// <summary>The server's certificate when it serves https.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The root URL, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Answer PUT with 405 Method Not Allowed, so that uploaders fall back to a multipart POST.</summary>
    public bool RefusePut { get; set; }

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<HttpFileRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Trusts exactly this server's certificate (for the station's file transfer options).</summary>
    public RemoteCertificateValidationCallback TrustItsCertificate =>
        (_, presented, _, _) => presented is not null && Certificate is not null && presented.GetCertHashString() == Certificate.GetCertHashString();

    /// <summary>Starts the server on a free loopback port.</summary>
    /// <param name="clock">Stamps each request; the system clock when null.</param>
    /// <param name="https">Serve https with a self-signed certificate for 127.0.0.1.</param>
    public static async Task<HttpFileServer> StartAsync(TimeProvider? clock = null, bool https = false)
    {
        var server = new HttpFileServer(clock ?? TimeProvider.System, https ? TestCertificates.SelfSignedForLoopback() : null);
        await server.ListenAsync().OrTimeout();
        return server;
    }

    /// <summary>The URL of <paramref name="path"/> on this server.</summary>
    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/>.</summary>
    public void AddFile(string path, byte[] content) => _files[Normalize(path)] = content;

    /// <summary>Serves <paramref name="content"/> (UTF-8) at <paramref name="path"/>.</summary>
    public void AddFile(string path, string content) => AddFile(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="status"/>.</summary>
    public void Fail(string path, int status) => _failures[Normalize(path)] = status;

    /// <summary>Waits until <paramref name="count"/> requests have arrived and returns the last of them.</summary>
    public async Task<HttpFileRequest> WaitForRequestAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return _requests[count - 1];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{count} requests expected, {Requests.Count} arrived within {TestTimeouts.Default}");
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Certificate?.Dispose();
    }

    private static string Normalize(string path) => "/" + path.TrimStart('/');

    private async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (Certificate is { } certificate)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate });
                }
            });
        });

        var app = builder.Build();
        _app = app;
        app.Run(HandleAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new UriBuilder(Certificate is null ? "http" : "https", "127.0.0.1", new Uri(bound).Port, "/").Uri;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        byte[] body = [];
        string? fileName = null;
        if (HttpMethods.IsPut(request.Method) && !RefusePut)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
            fileName = request.Headers.ContentDisposition.Count > 0
                ? System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(request.Headers.ContentDisposition.ToString()).FileName?.Trim('"')
                : null;
        }
        else if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (form.Files.GetFile("file") is { } file)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted);
                body = buffer.ToArray();
                fileName = file.FileName;
            }
        }

        lock (_gate)
        {
            _requests.Add(new HttpFileRequest(request.Method, path, body, fileName, _clock.GetUtcNow(), request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null));
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (_failures.TryGetValue(path, out var status))
        {
            context.Response.StatusCode = status;
            return;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            if (_files.TryGetValue(path, out var content))
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(content, context.RequestAborted);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        context.Response.StatusCode = HttpMethods.IsPut(request.Method) && RefusePut ? StatusCodes.Status405MethodNotAllowed
            : HttpMethods.IsPut(request.Method) || HttpMethods.IsPost(request.Method) ? StatusCodes.Status201Created
            : StatusCodes.Status405MethodNotAllowed;
    }
}
