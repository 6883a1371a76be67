using Xunit;

namespace Station.Testing;

/// <summary>One real vsftpd for a test class; skips its tests where vsftpd cannot run, unless CI requires it.</summary>
public sealed class VsftpdFixture : IAsyncLifetime
{
    private VsftpdServer? _server;
    private string? _unavailable;

    /// <summary>The server, or a skip with the reason it cannot run here.</summary>
    public VsftpdServer Server
    {
        get
        {
            Skip.If(_server is null, _unavailable);
            return _server!;
        }
    }

    public async Task InitializeAsync()
    {
        _unavailable = VsftpdServer.Unavailable();
        if (_unavailable is null)
        {
            _server = await VsftpdServer.StartAsync();
        }
        else if (VsftpdServer.Required)
        {
            throw new InvalidOperationException($"{VsftpdServer.RequireVariable}=1 but {_unavailable}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
