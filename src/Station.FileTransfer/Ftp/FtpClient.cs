using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Station.FileTransfer.Ftp;

/// <summary>
/// A small FTP client (RFC 959) for what a charging station needs: log in (anonymous when no user
/// is given), binary type, passive data connections (EPSV, RFC 2428, falling back to PASV),
/// RETR, STOR and QUIT. Every step is bounded by <see cref="FileTransferOptions.IdleTimeout"/>;
/// every refusal is an <see cref="FtpException"/> with the server's reply code.
/// </summary>
/// <remarks>
/// Hand-written because .NET has no maintained FTP client (FtpWebRequest is obsolete, SYSLIB0014)
/// and none of the maintained packages is available to this product.
/// </remarks>
public sealed class FtpClient : IAsyncDisposable
{
    private const int CopyBufferBytes = 81920;

    private readonly TcpClient _control;
    private readonly NetworkStream _stream;
    private readonly FtpReplyReader _replies;
    private readonly FileTransferOptions _options;
    private readonly string _server;

    private FtpClient(TcpClient control, FileTransferOptions options, string server)
    {
        _control = control;
        _stream = control.GetStream();
        _replies = new FtpReplyReader(_stream);
        _options = options;
        _server = server;
    }

    /// <summary>The address of the server's end of the control connection (IPv4 as such, not mapped into IPv6).</summary>
    public IPAddress RemoteAddress
    {
        get
        {
            // A dual-mode control socket reports an IPv4 peer as ::ffff:a.b.c.d.
            var address = ((IPEndPoint)_control.Client.RemoteEndPoint!).Address;
            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        }
    }

    /// <summary>Opens the control connection and reads the server's greeting (220).</summary>
    /// <exception cref="FileTransferException">The server is unreachable, silent, or refuses the session.</exception>
    public static async Task<FtpClient> ConnectAsync(string host, int port, FileTransferOptions options, CancellationToken cancellationToken = default)
    {
        var server = $"{host}:{port}";
        var control = new TcpClient();
        try
        {
            await Timed.RunAsync(ct => control.ConnectAsync(host, port, ct), options.ConnectTimeout, options.TimeProvider, $"connecting to FTP server {server}", cancellationToken)
                .ConfigureAwait(false);
            var client = new FtpClient(control, options, server);
            var greeting = await client.ReadReplyAsync("greeting", cancellationToken).ConfigureAwait(false);

            // RFC 959 §4.2: 120 "ready in nnn minutes" precedes the 220.
            while (greeting.Code == 120)
            {
                greeting = await client.ReadReplyAsync("greeting", cancellationToken).ConfigureAwait(false);
            }

            if (greeting.Code != 220)
            {
                throw new FtpException($"FTP server {server} refused the session: {greeting}", greeting.Code);
            }

            return client;
        }
        catch
        {
            control.Dispose();
            throw;
        }
    }

    /// <summary>USER, then PASS when the server asks for it (331).</summary>
    /// <exception cref="FtpException">The login was refused (530) or needs an account (332, not supported).</exception>
    public async Task LoginAsync(string user, string password, CancellationToken cancellationToken = default)
    {
        var reply = await CommandAsync($"USER {user}", "USER", cancellationToken).ConfigureAwait(false);
        if (reply.Code == 331)
        {
            reply = await CommandAsync($"PASS {password}", "PASS", cancellationToken).ConfigureAwait(false);
        }

        if (reply.Code == 332)
        {
            throw new FtpException($"FTP server {_server} wants an account (ACCT) for {user}, which this client does not send", reply.Code);
        }

        if (reply.Code is not (230 or 202))
        {
            throw new FtpException($"FTP server {_server} refused the login of {user}: {reply}", reply.Code);
        }
    }

    /// <summary>TYPE I: files travel byte for byte.</summary>
    public async Task SetBinaryAsync(CancellationToken cancellationToken = default) =>
        Expect(await CommandAsync("TYPE I", "TYPE", cancellationToken).ConfigureAwait(false), "TYPE I", 200);

    /// <summary>RETR: copies the file at <paramref name="path"/> into <paramref name="destination"/>; returns the bytes received.</summary>
    /// <exception cref="FileTransferException">The server refused (e.g. 550 no such file) or broke off the transfer.</exception>
    public async Task<long> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default)
    {
        long bytes;
        using (var data = await OpenDataConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = await CommandAsync($"RETR {path}", "RETR", cancellationToken).ConfigureAwait(false);
            Expect(started, $"RETR {path}", 125, 150);
            bytes = await CopyAsync(data.GetStream(), destination, $"receiving {path}", cancellationToken).ConfigureAwait(false);
        }

        Expect(await ReadReplyAsync("RETR", cancellationToken).ConfigureAwait(false), $"RETR {path}", 226, 250);
        return bytes;
    }

    /// <summary>STOR: copies <paramref name="source"/> to the file at <paramref name="path"/>; returns the bytes sent.</summary>
    /// <exception cref="FileTransferException">The server refused (e.g. 553 no such directory) or broke off the transfer.</exception>
    public async Task<long> UploadAsync(string path, Stream source, CancellationToken cancellationToken = default)
    {
        long bytes;
        using (var data = await OpenDataConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = await CommandAsync($"STOR {path}", "STOR", cancellationToken).ConfigureAwait(false);
            Expect(started, $"STOR {path}", 125, 150);
            bytes = await CopyAsync(source, data.GetStream(), $"sending {path}", cancellationToken).ConfigureAwait(false);

            // Closing the data connection is what tells the server the file is complete (RFC 959 §3.3).
            try
            {
                data.Client.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The server closed it first; its reply below says whether it kept the file.
            }
        }

        Expect(await ReadReplyAsync("STOR", cancellationToken).ConfigureAwait(false), $"STOR {path}", 226, 250);
        return bytes;
    }

    /// <summary>QUIT, politely; a server that already went away is no failure.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await CommandAsync("QUIT", "QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (FileTransferException)
        {
            // The transfer is complete; how the session ends does not change that.
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _control.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<TcpClient> OpenDataConnectionAsync(CancellationToken cancellationToken)
    {
        int port;
        var extended = await CommandAsync("EPSV", "EPSV", cancellationToken).ConfigureAwait(false);
        if (extended.Code == 229)
        {
            port = FtpPassiveReply.ParseEpsv(extended);
        }
        else if (extended.IsPermanentFailure)
        {
            // An older server without RFC 2428.
            var passive = await CommandAsync("PASV", "PASV", cancellationToken).ConfigureAwait(false);
            Expect(passive, "PASV", 227);
            port = FtpPassiveReply.ParsePasv(passive);
        }
        else
        {
            throw new FtpException($"FTP server {_server} refused passive mode: {extended}", extended.Code);
        }

        // The address in a PASV reply is ignored, as curl does: the data connection goes to the
        // control connection's peer, which also works when the server sits behind NAT.
        var address = RemoteAddress;
        var data = new TcpClient(address.AddressFamily);
        try
        {
            await Timed.RunAsync(ct => data.ConnectAsync(address, port, ct), _options.ConnectTimeout, _options.TimeProvider, $"opening the data connection to {address}:{port}", cancellationToken)
                .ConfigureAwait(false);
            return data;
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    private async Task<FtpReply> CommandAsync(string command, string verb, CancellationToken cancellationToken)
    {
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new FtpException($"{verb}: an argument contains a line break");
        }

        var bytes = Encoding.UTF8.GetBytes(command + "\r\n");
        await Timed.RunAsync(ct => _stream.WriteAsync(bytes, ct), _options.IdleTimeout, _options.TimeProvider, $"sending {verb} to {_server}", cancellationToken)
            .ConfigureAwait(false);
        return await ReadReplyAsync(verb, cancellationToken).ConfigureAwait(false);
    }

    private Task<FtpReply> ReadReplyAsync(string verb, CancellationToken cancellationToken) =>
        Timed.RunAsync(ct => _replies.ReadAsync(ct), _options.IdleTimeout, _options.TimeProvider, $"reply of {_server} to {verb}", cancellationToken);

    private async Task<long> CopyAsync(Stream from, Stream to, string what, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        while (true)
        {
            var read = await Timed.RunAsync(ct => from.ReadAsync(buffer, ct), _options.IdleTimeout, _options.TimeProvider, what, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return total;
            }

            await Timed.RunAsync(ct => to.WriteAsync(buffer.AsMemory(0, read), ct), _options.IdleTimeout, _options.TimeProvider, what, cancellationToken).ConfigureAwait(false);
            total += read;
        }
    }

    private void Expect(FtpReply reply, string command, params int[] codes)
    {
        if (Array.IndexOf(codes, reply.Code) < 0)
        {
            throw new FtpException($"FTP server {_server} refused {command}: {reply}", reply.Code);
        }
    }
}
