using Ocpp16.Testing;
using Station.FileTransfer.Ftp;
using Station.Testing;
using Xunit;

namespace Station.FileTransfer.Tests.Ftp;

/// <summary>The FTP client against the real vsftpd on loopback (scripts/install-test-servers.sh).</summary>
public sealed class VsftpdTransferTests(VsftpdFixture fixture) : IClassFixture<VsftpdFixture>, IDisposable
{
    private readonly FileTransferClient _client = new(new FileTransferOptions { IdleTimeout = TimeSpan.FromSeconds(5) });
    private readonly TempDirectory _local = new();

    // Every byte value and both line-end forms: an ASCII-mode transfer would change them.
    private static readonly byte[] Binary = [.. Enumerable.Range(0, 300_000).Select(i => (byte)((i * 31) ^ (i >> 8))), 13, 10, 10, 13];

    [SkippableFact]
    public async Task Anonymous_download_is_byte_for_byte()
    {
        var server = fixture.Server;
        server.AddAnonymousFile("pub/fw.bin", Binary);
        var destination = Path.Combine(_local.Path, "fw.bin");

        await _client.DownloadAsync(server.AnonymousUrl("pub/fw.bin"), destination).OrTimeout();

        Assert.Equal(Binary, await File.ReadAllBytesAsync(destination));
    }

    [SkippableFact]
    public async Task A_user_from_the_url_downloads_and_uploads()
    {
        var server = fixture.Server;
        server.AddUserFile("firmware/fw-2.bin", Binary);
        server.AddUserDirectory("diagnostics");
        var local = Path.Combine(_local.Path, "copy.bin");

        await _client.DownloadAsync(server.UserUrl("firmware/fw-2.bin"), local).OrTimeout();
        await _client.UploadAsync(local, server.UserUrl("diagnostics/"), "diag-1.zip").OrTimeout();

        Assert.Equal(Binary, await File.ReadAllBytesAsync(Path.Combine(server.UserRoot, "diagnostics", "diag-1.zip")));
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_with_530()
    {
        var server = fixture.Server;
        var url = new Uri($"ftp://{VsftpdServer.UserName}:not-the-password@127.0.0.1:{server.Port}/x.bin");

        var error = await Assert.ThrowsAsync<FtpException>(() => _client.DownloadAsync(url, Path.Combine(_local.Path, "x.bin")).OrTimeout());

        Assert.Equal(530, error.ReplyCode);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_missing_file_is_a_550_and_leaves_nothing_behind()
    {
        var server = fixture.Server;
        var destination = Path.Combine(_local.Path, "missing.bin");

        var error = await Assert.ThrowsAsync<FtpException>(() => _client.DownloadAsync(server.AnonymousUrl("missing.bin"), destination).OrTimeout());

        Assert.Equal(550, error.ReplyCode);
        Assert.Empty(Directory.GetFiles(_local.Path));
    }

    [SkippableFact]
    public async Task An_upload_into_a_missing_directory_is_refused()
    {
        var server = fixture.Server;
        var local = Path.Combine(_local.Path, "diag.zip");
        await File.WriteAllBytesAsync(local, [1, 2, 3]);

        var error = await Assert.ThrowsAsync<FtpException>(() => _client.UploadAsync(local, server.UserUrl("no/such/dir"), "diag.zip").OrTimeout());

        Assert.Equal(553, error.ReplyCode);
    }

    public void Dispose()
    {
        _client.Dispose();
        _local.Dispose();
    }
}
