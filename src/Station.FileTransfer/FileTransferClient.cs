using Station.FileTransfer.Ftp;
using Station.FileTransfer.Http;

namespace Station.FileTransfer;

/// <summary>
/// The station's file transfer: <c>ftp://</c> with the hand-written <see cref="FtpClient"/>
/// (user and password from the URL, anonymous without; passive mode), <c>http://</c> and
/// <c>https://</c> with <see cref="HttpClient"/>. A download lands in a <c>.part</c> file that
/// replaces the destination only once complete.
/// </summary>
public sealed class FileTransferClient : IFileTransfer, IDisposable
{
    private readonly FileTransferOptions _options;
    private readonly HttpTransfer _http;

    /// <summary>Creates the client; one per process is enough.</summary>
    public FileTransferClient(FileTransferOptions? options = null)
    {
        _options = (options ?? new FileTransferOptions()).Validate();
        _http = new HttpTransfer(_options);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Schemes { get; } = ["ftp", "http", "https"];

    /// <inheritdoc/>
    public async Task DownloadAsync(Uri source, string destinationPath, CancellationToken cancellationToken = default)
    {
        var scheme = Scheme(source);
        var partial = destinationPath + ".part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destinationPath))!);
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await WithinTransferTimeoutAsync(
                    source,
                    ct => scheme == "ftp" ? FtpTransfer.DownloadAsync(source, file, _options, ct) : _http.DownloadAsync(source, file, ct),
                    cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, destinationPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new FileTransferException($"cannot write {destinationPath}: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task UploadAsync(string sourcePath, Uri destination, string fileName, CancellationToken cancellationToken = default)
    {
        var scheme = Scheme(destination);
        if (fileName.Length == 0 || fileName.AsSpan().IndexOfAny(['/', '\\', '\r', '\n']) >= 0)
        {
            throw new ArgumentException($"'{fileName}' is not a plain file name", nameof(fileName));
        }

        try
        {
            if (scheme == "ftp")
            {
                var file = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    await WithinTransferTimeoutAsync(destination, ct => FtpTransfer.UploadAsync(file, destination, fileName, _options, ct), cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await WithinTransferTimeoutAsync(destination, ct => _http.UploadAsync(sourcePath, destination, fileName, ct), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FileTransferException($"cannot read {sourcePath}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover .part file is overwritten by the next attempt.
        }
    }

    private string Scheme(Uri uri)
    {
        var scheme = uri.IsAbsoluteUri ? uri.Scheme.ToLowerInvariant() : string.Empty;
        if (!Schemes.Contains(scheme))
        {
            throw new FileTransferException($"'{UriText.Redact(uri)}': scheme '{scheme}' is not supported ({string.Join(", ", Schemes)})");
        }

        return scheme;
    }

    private async Task WithinTransferTimeoutAsync(Uri uri, Func<CancellationToken, Task> transfer, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.TransferTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await transfer(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FileTransferException($"{UriText.Redact(uri)}: not done within {_options.TransferTimeout.TotalSeconds:0.###} s");
        }
    }
}
