namespace Station.FileTransfer;

/// <summary>
/// Moves files between the station and the servers a Central System names: the location of
/// UpdateFirmware (download) and of GetDiagnostics (upload). A failed transfer throws
/// <see cref="FileTransferException"/> with a one-line reason; the caller decides about retries.
/// </summary>
public interface IFileTransfer
{
    /// <summary>The URI schemes served, in lower case (for example <c>ftp</c>, <c>http</c>, <c>https</c>).</summary>
    IReadOnlyList<string> Schemes { get; }

    /// <summary>Downloads <paramref name="source"/> into <paramref name="destinationPath"/>, replacing it only when the whole file arrived.</summary>
    /// <exception cref="FileTransferException">The scheme is not served, the server is unreachable, or it refused or broke off the transfer.</exception>
    Task DownloadAsync(Uri source, string destinationPath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads the file at <paramref name="sourcePath"/> to <paramref name="destination"/> as
    /// <paramref name="fileName"/>. How the name and the location combine depends on the scheme
    /// (an FTP location is a directory; an HTTP location is the URL the file is sent to).
    /// </summary>
    /// <exception cref="FileTransferException">The scheme is not served, the server is unreachable, or it refused or broke off the transfer.</exception>
    Task UploadAsync(string sourcePath, Uri destination, string fileName, CancellationToken cancellationToken = default);
}
