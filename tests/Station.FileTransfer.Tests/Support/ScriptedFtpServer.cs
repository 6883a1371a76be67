using System.Net;
using System.Net.Sockets;
using Ocpp16.Testing;

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
