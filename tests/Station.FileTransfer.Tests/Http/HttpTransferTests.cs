using System.Net;
using System.Net.Sockets;
using System.Text;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;

namespace Station.FileTransfer.Tests.Http;

/// <summary>http and https transfers against Kestrel in the test process.</summary>
public sealed class HttpTransferTests : IDisposable
{
    private readonly TempDirectory _local = new();

    [Fact]
    public async Task Download_over_http_writes_the_file()
    {
        await using var server = await HttpFileServer.StartAsync();
        server.AddFile("fw/fw-3.bin", "version=3.0.0\nimage");
        using var client = new FileTransferClient();
        var destination = Path.Combine(_local.Path, "fw-3.bin");

        await client.DownloadAsync(server.Url("fw/fw-3.bin"), destination).OrTimeout();

        Assert.Equal("version=3.0.0\nimage", await File.ReadAllTextAsync(destination));
    }

    [Fact]
    public async Task A_missing_file_fails_with_its_status_and_leaves_nothing_behind()
    {
        await using var server = await HttpFileServer.StartAsync();
        using var client = new FileTransferClient();

        var error = await Assert.ThrowsAsync<FileTransferException>(() => client.DownloadAsync(server.Url("nothing.bin"), Path.Combine(_local.Path, "nothing.bin")).OrTimeout());

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_local.Path));
    }

    [Fact]
    public async Task A_failed_download_keeps_the_file_it_would_have_replaced()
    {
        await using var server = await HttpFileServer.StartAsync();
        server.Fail("/fw.bin", 500);
        using var client = new FileTransferClient();
        var destination = Path.Combine(_local.Path, "fw.bin");
        await File.WriteAllTextAsync(destination, "old");

        await Assert.ThrowsAsync<FileTransferException>(() => client.DownloadAsync(server.Url("fw.bin"), destination).OrTimeout());

        Assert.Equal("old", await File.ReadAllTextAsync(destination));
    }

    [Fact]
    public async Task Upload_puts_the_file_to_the_location_with_its_name()
    {
        await using var server = await HttpFileServer.StartAsync();
        using var client = new FileTransferClient();
        var local = await Local("diag.zip", "zip bytes");

        await client.UploadAsync(local, server.Url("upload/cp-1"), "diag.zip").OrTimeout();

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PUT", "/upload/cp-1", "diag.zip"), (request.Method, request.Path, request.FileName));
        Assert.Equal("zip bytes", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task A_server_refusing_put_gets_a_multipart_post()
    {
        await using var server = await HttpFileServer.StartAsync();
        server.RefusePut = true;
        using var client = new FileTransferClient();
        var local = await Local("diag.zip", "zip bytes");

        await client.UploadAsync(local, server.Url("upload"), "diag.zip").OrTimeout();

        Assert.Equal(["PUT", "POST"], server.Requests.Select(r => r.Method));
        var post = server.Requests[1];
        Assert.Equal(("diag.zip", "zip bytes"), (post.FileName, Encoding.UTF8.GetString(post.Body)));
    }

    [Fact]
    public async Task User_info_in_the_url_becomes_basic_authentication()
    {
        await using var server = await HttpFileServer.StartAsync();
        server.AddFile("fw.bin", "x");
        using var client = new FileTransferClient();
        var url = new UriBuilder(server.Url("fw.bin")) { UserName = "csms", Password = "s3cret" }.Uri;

        await client.DownloadAsync(url, Path.Combine(_local.Path, "fw.bin")).OrTimeout();

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("csms:s3cret")), Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Https_downloads_from_a_trusted_server()
    {
        await using var server = await HttpFileServer.StartAsync(https: true);
        server.AddFile("fw.bin", "secure image");
        using var client = new FileTransferClient(new FileTransferOptions { ServerCertificateValidation = server.TrustItsCertificate });
        var destination = Path.Combine(_local.Path, "fw.bin");

        await client.DownloadAsync(server.Url("fw.bin"), destination).OrTimeout();

        Assert.Equal("https", server.BaseUri.Scheme);
        Assert.Equal("secure image", await File.ReadAllTextAsync(destination));
    }

    [Fact]
    public async Task Https_refuses_a_server_whose_certificate_is_not_trusted()
    {
        await using var server = await HttpFileServer.StartAsync(https: true);
        server.AddFile("fw.bin", "x");
        using var client = new FileTransferClient();

        var error = await Assert.ThrowsAsync<FileTransferException>(() => client.DownloadAsync(server.Url("fw.bin"), Path.Combine(_local.Path, "fw.bin")).OrTimeout());

        Assert.Contains("SSL", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("sftp://127.0.0.1/fw.bin")]
    [InlineData("file:///etc/passwd")]
    public async Task Another_scheme_is_refused(string url)
    {
        using var client = new FileTransferClient();

        var error = await Assert.ThrowsAsync<FileTransferException>(() => client.DownloadAsync(new Uri(url), Path.Combine(_local.Path, "x")).OrTimeout());

        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("ftp")]
    public async Task An_unreachable_server_is_a_transfer_error(string scheme)
    {
        using var client = new FileTransferClient();

        var error = await Assert.ThrowsAsync<FileTransferException>(() => client.DownloadAsync(new Uri($"{scheme}://127.0.0.1:{ClosedPort()}/fw.bin"), Path.Combine(_local.Path, "x")).OrTimeout());

        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _local.Dispose();

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task<string> Local(string name, string content)
    {
        var path = Path.Combine(_local.Path, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
