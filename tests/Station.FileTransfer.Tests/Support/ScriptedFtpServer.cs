using System.Net;
using System.Net.Sockets;
using System.Text;
using Ocpp16.Testing;
using Xunit;

namespace Station.FileTransfer.Tests.Support;

/// <summary>
/// A fake FTP server on loopback that plays a script the test writes, for the protocol cases a
/// real server does not produce on demand (multi-line greetings, missing EPSV, odd PASV
/// addresses, aborted transfers, silence). It serves one control connection.
/// </summary>
internal sealed class ScriptedFtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();

    private ScriptedFtpServer(Func<ScriptedFtpSession, Task> script)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Completion = Task.Run(() => ServeAsync(script));
    }

    /// <summary>The control port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when the script ended; faults with its assertion failures.</summary>
    public Task Completion { get; }

    public static ScriptedFtpServer Start(Func<ScriptedFtpSession, Task> script) => new(script);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await Completion.OrTimeout();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The test already judged the client; a script cut short by it is no failure.
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync(Func<ScriptedFtpSession, Task> script)
    {
        using var control = await _listener.AcceptTcpClientAsync(_stopping.Token);
        await using var session = new ScriptedFtpSession(control, _stopping.Token);
        await script(session);
    }
}

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
