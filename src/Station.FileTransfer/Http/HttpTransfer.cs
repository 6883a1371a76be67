using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Station.FileTransfer.Http;

/// <summary>
/// http and https transfers with <see cref="HttpClient"/>: GET to download; to upload, PUT to the
/// location as given (object-store and WebDAV style), and when the server answers 405 Method Not
/// Allowed, a multipart/form-data POST to the same URL with the file in the field <c>file</c>.
/// User info in the URL becomes HTTP Basic authentication.
/// </summary>
internal sealed class HttpTransfer : IDisposable
{
    private const int CopyBufferBytes = 81920;

    private readonly HttpClient _client;
    private readonly FileTransferOptions _options;

    public HttpTransfer(FileTransferOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxAutomaticRedirections = 5,
        };
        if (options.ServerCertificateValidation is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }

        // Timeouts come from the options' time provider, per step, not from HttpClient's own timer.
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task DownloadAsync(Uri source, Stream destination, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, source);
        using var response = await SendAsync(request, source, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, "GET", source);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var buffer = new byte[CopyBufferBytes];
            while (true)
            {
                var read = await Timed.RunAsync(ct => body.ReadAsync(buffer, ct), _options.IdleTimeout, _options.TimeProvider, $"receiving {UriText.Redact(source)}", cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task UploadAsync(string sourcePath, Uri destination, string fileName, CancellationToken cancellationToken)
    {
        using (var put = Request(HttpMethod.Put, destination))
        {
            var content = new StreamContent(OpenRead(sourcePath));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
            put.Content = content;
            using var response = await SendAsync(put, destination, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                EnsureSuccess(response, "PUT", destination);
                return;
            }
        }

        using var post = Request(HttpMethod.Post, destination);
        var file = new StreamContent(OpenRead(sourcePath));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        post.Content = new MultipartFormDataContent { { file, "file", fileName } };
        using var posted = await SendAsync(post, destination, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(posted, "POST", destination);
    }

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        if (uri.UserInfo.Length == 0)
        {
            return new HttpRequestMessage(method, uri);
        }

        var request = new HttpRequestMessage(method, new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri);
        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }

    // The request's content owns (and disposes) the stream.
    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes, useAsync: true);

    private static void EnsureSuccess(HttpResponseMessage response, string method, Uri uri)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new FileTransferException($"{method} {UriText.Redact(uri)}: {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        var what = $"{request.Method} {UriText.Redact(uri)}";
        try
        {
            // An upload's answer comes after its whole body: only the transfer timeout bounds that.
            var timeout = request.Content is null ? _options.IdleTimeout : _options.TransferTimeout;
            return await Timed.RunAsync(
                    ct => new ValueTask<HttpResponseMessage>(_client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct)), timeout, _options.TimeProvider, what, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new FileTransferException($"{what}: {ex.Message}", ex);
        }
    }
}
