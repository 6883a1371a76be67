namespace Station.FileTransfer.Ftp;

/// <summary>One download or upload as a whole FTP session: connect, log in, binary, transfer, quit.</summary>
internal static class FtpTransfer
{
    public static async Task DownloadAsync(Uri source, Stream destination, FileTransferOptions options, CancellationToken cancellationToken)
    {
        var location = FtpLocation.Parse(source);
        if (location.Path.Length == 0 || location.Path.EndsWith('/'))
        {
            throw new FileTransferException($"'{UriText.Redact(source)}' names no file");
        }

        var client = await OpenAsync(location, options, cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            await client.DownloadAsync(location.Path, destination, cancellationToken).ConfigureAwait(false);
            await client.QuitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The location names a directory; the file goes into it under its own name.
    public static async Task UploadAsync(Stream source, Uri destination, string fileName, FileTransferOptions options, CancellationToken cancellationToken)
    {
        var location = FtpLocation.Parse(destination);
        var client = await OpenAsync(location, options, cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            await client.UploadAsync(location.PathOf(fileName), source, cancellationToken).ConfigureAwait(false);
            await client.QuitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<FtpClient> OpenAsync(FtpLocation location, FileTransferOptions options, CancellationToken cancellationToken)
    {
        var client = await FtpClient.ConnectAsync(location.Host, location.Port, options, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.LoginAsync(location.User, location.Password, cancellationToken).ConfigureAwait(false);
            await client.SetBinaryAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
