using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Station.FileTransfer.Tests.Support;

/// <summary>The server side of one scripted control connection.</summary>
internal sealed class ScriptedFtpSession(TcpClient control, CancellationToken stopping) : IAsyncDisposable
{
    private readonly NetworkStream _stream = control.GetStream();
    private readonly StreamReader _reader = new(control.GetStream(), Encoding.UTF8);
    private TcpListener? _data;

    public CancellationToken Stopping => stopping;

    /// <summary>Sends raw reply text (include the CRLFs).</summary>
    public async Task SendAsync(string text) => await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), stopping);

    /// <summary>Reads the next command and checks it.</summary>
    public async Task<string> ExpectAsync(string command)
    {
        var line = await _reader.ReadLineAsync(stopping) ?? throw new IOException($"the client closed the connection; expected {command}");
        Assert.Equal(command, line);
        return line;
    }

    /// <summary>Listens for a data connection on loopback and returns its port.</summary>
    public int ListenForData()
    {
        _data = new TcpListener(IPAddress.Loopback, 0);
        _data.Start();
        return ((IPEndPoint)_data.LocalEndpoint).Port;
    }

    /// <summary>Accepts the client's data connection.</summary>
    public async Task<TcpClient> AcceptDataAsync() => await _data!.AcceptTcpClientAsync(stopping);

    public ValueTask DisposeAsync()
    {
        _data?.Stop();
        _reader.Dispose();
        control.Dispose();
        return ValueTask.CompletedTask;
    }
}
