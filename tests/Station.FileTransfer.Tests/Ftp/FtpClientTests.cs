using System.Text;
using Ocpp16.Testing;
using Station.FileTransfer.Ftp;
using Station.FileTransfer.Tests.Support;
using Xunit;

namespace Station.FileTransfer.Tests.Ftp;

/// <summary>The FTP client against a scripted server: each test plays the server's side of one session.</summary>
public sealed class FtpClientTests
{
    private static readonly FileTransferOptions Options = new() { IdleTimeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Login_sends_the_password_when_asked_after_a_multi_line_greeting()
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220-Welcome\r\n220-to the test\r\n220 server\r\n");
            await s.ExpectAsync("USER ocpp");
            await s.SendAsync("331 Please specify the password.\r\n");
            await s.ExpectAsync("PASS secret");
            await s.SendAsync("230 Login successful.\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        await client.LoginAsync("ocpp", "secret").OrTimeout();
        await server.Completion.OrTimeout();
    }

    [Fact]
    public async Task A_user_the_server_accepts_at_once_sends_no_password()
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("120 Ready soon\r\n220 Ready\r\n");
            await s.ExpectAsync("USER anonymous");
            await s.SendAsync("230 Welcome.\r\n");
            await s.ExpectAsync("TYPE I");
            await s.SendAsync("200 Switching to Binary mode.\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        await client.LoginAsync("anonymous", "x").OrTimeout();
        await client.SetBinaryAsync().OrTimeout();
        await server.Completion.OrTimeout();
    }

    [Theory]
    [InlineData("530 Login incorrect.", 530)]
    [InlineData("332 Need account for login.", 332)]
    public async Task A_refused_login_carries_the_reply_code(string answer, int code)
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("USER ocpp");
            await s.SendAsync("331 Password?\r\n");
            await s.ExpectAsync("PASS wrong");
            await s.SendAsync(answer + "\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        var error = await Assert.ThrowsAsync<FtpException>(() => client.LoginAsync("ocpp", "wrong").OrTimeout());

        Assert.Equal(code, error.ReplyCode);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_greet_with_220_refuses_the_session()
    {
        await using var server = ScriptedFtpServer.Start(s => s.SendAsync("421 Too many users, try later.\r\n"));

        var error = await Assert.ThrowsAsync<FtpException>(() => FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout());

        Assert.Equal(421, error.ReplyCode);
    }

    [Fact]
    public async Task Without_epsv_the_download_uses_pasv_and_ignores_the_address_pasv_names()
    {
        var content = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("EPSV");
            await s.SendAsync("500 Unknown command.\r\n");
            await s.ExpectAsync("PASV");
            var port = s.ListenForData();
            await s.SendAsync($"227 Entering Passive Mode (10,9,8,7,{port / 256},{port % 256}).\r\n");
            using var data = await s.AcceptDataAsync();
            await s.ExpectAsync("RETR firmware/fw.bin");
            await s.SendAsync("150 Opening BINARY mode data connection.\r\n");
            await data.GetStream().WriteAsync(content, s.Stopping);
            data.Dispose();
            await s.SendAsync("226 Transfer complete.\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        using var received = new MemoryStream();
        var bytes = await client.DownloadAsync("firmware/fw.bin", received).OrTimeout();

        Assert.Equal(content.Length, bytes);
        Assert.Equal(content, received.ToArray());
        await server.Completion.OrTimeout();
    }

    [Fact]
    public async Task A_missing_file_is_refused_with_550()
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("EPSV");
            var port = s.ListenForData();
            await s.SendAsync($"229 Entering Extended Passive Mode (|||{port}|)\r\n");
            using var data = await s.AcceptDataAsync();
            await s.ExpectAsync("RETR missing.bin");
            await s.SendAsync("550 Failed to open file.\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        var error = await Assert.ThrowsAsync<FtpException>(() => client.DownloadAsync("missing.bin", Stream.Null).OrTimeout());

        Assert.Equal(550, error.ReplyCode);
        Assert.Contains("Failed to open file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_the_server_aborts_after_starting_it_is_an_error()
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("EPSV");
            var port = s.ListenForData();
            await s.SendAsync($"229 Entering Extended Passive Mode (|||{port}|)\r\n");
            using var data = await s.AcceptDataAsync();
            await s.ExpectAsync("RETR fw.bin");
            await s.SendAsync("150 Opening data connection.\r\n");
            await data.GetStream().WriteAsync(new byte[100], s.Stopping);
            data.Dispose();
            await s.SendAsync("426 Connection closed; transfer aborted.\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        var error = await Assert.ThrowsAsync<FtpException>(() => client.DownloadAsync("fw.bin", Stream.Null).OrTimeout());

        Assert.Equal(426, error.ReplyCode);
    }

    [Fact]
    public async Task Upload_sends_every_byte_then_waits_for_the_server_to_confirm()
    {
        var content = Encoding.ASCII.GetBytes("line one\r\nline two\n\0binary");
        byte[]? stored = null;
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("EPSV");
            var port = s.ListenForData();
            await s.SendAsync($"229 Entering Extended Passive Mode (|||{port}|)\r\n");
            using var data = await s.AcceptDataAsync();
            await s.ExpectAsync("STOR logs/diag.zip");
            await s.SendAsync("150 Ok to send data.\r\n");
            using var received = new MemoryStream();
            await data.GetStream().CopyToAsync(received, s.Stopping);
            stored = received.ToArray();
            await s.SendAsync("226 Transfer complete.\r\n");
            await s.ExpectAsync("QUIT");
            await s.SendAsync("221 Goodbye.\r\n");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        var sent = await client.UploadAsync("logs/diag.zip", new MemoryStream(content)).OrTimeout();
        await client.QuitAsync().OrTimeout();

        await server.Completion.OrTimeout();
        Assert.Equal(content.Length, sent);
        Assert.Equal(content, stored);
    }

    [Fact]
    public async Task A_silent_server_fails_after_the_idle_timeout()
    {
        await using var server = ScriptedFtpServer.Start(s => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, s.Stopping));

        var error = await Assert.ThrowsAsync<FileTransferException>(
            () => FtpClient.ConnectAsync("127.0.0.1", server.Port, Options with { IdleTimeout = TimeSpan.FromMilliseconds(200) }).OrTimeout());

        Assert.Contains("no answer within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_hangs_up_is_an_error_not_a_hang()
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("USER ocpp");
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        await Assert.ThrowsAnyAsync<FileTransferException>(() => client.LoginAsync("ocpp", "secret").OrTimeout());
    }

    [Fact]
    public async Task A_line_break_in_a_path_is_refused_before_it_reaches_the_server()
    {
        await using var server = ScriptedFtpServer.Start(async s =>
        {
            await s.SendAsync("220 Ready\r\n");
            await s.ExpectAsync("EPSV");
            var port = s.ListenForData();
            await s.SendAsync($"229 Entering Extended Passive Mode (|||{port}|)\r\n");
            using var data = await s.AcceptDataAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, s.Stopping);
        });

        await using var client = await FtpClient.ConnectAsync("127.0.0.1", server.Port, Options).OrTimeout();
        var error = await Assert.ThrowsAsync<FtpException>(() => client.DownloadAsync("fw.bin\r\nDELE other.bin", Stream.Null).OrTimeout());

        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
    }
}
