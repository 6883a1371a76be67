using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>
/// CALLs that repeat the message id of one of the peer's recent CALLs on the connection (OCPP-J §4.1.3:
/// ids are unique per sender on a connection): told and refused only when the owner asks for it
/// (<see cref="CallRouter.RepeatedCall"/>), within a bounded window of recent ids.
/// </summary>
public sealed class RpcConnectionRepeatedCallTests : IAsyncLifetime
{
    private readonly RpcHarness _rpc = new();
    private int _handled;

    public Task InitializeAsync()
    {
        _rpc.Router.Handle(OcppActions.ClearCache, (_, _, _) =>
        {
            Interlocked.Increment(ref _handled);
            return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task A_repeated_id_is_refused_with_SecurityError_without_running_the_handler_and_is_told()
    {
        var told = new List<(string Id, string Action)>();
        _rpc.Router.RepeatedCall = (id, action) => told.Add((id, action));

        await _rpc.SendAsync("""[2,"c-1","ClearCache",{}]""");
        Assert.Equal("""[3,"c-1",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
        await _rpc.SendAsync("""[2,"c-1","ClearCache",{}]""");

        Assert.Contains("used before", await _rpc.ReceiveCallErrorAsync("c-1", "SecurityError"), StringComparison.Ordinal);
        Assert.Equal(1, _handled);
        Assert.Equal([("c-1", "ClearCache")], told);
    }

    [Fact]
    public async Task Without_a_RepeatedCall_hook_ids_are_not_checked()
    {
        await _rpc.SendAsync("""[2,"c-1","ClearCache",{}]""");
        await _rpc.ReceiveTextAsync();
        await _rpc.SendAsync("""[2,"c-1","ClearCache",{}]""");

        Assert.Equal("""[3,"c-1",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
        Assert.Equal(2, _handled);
    }

    [Fact]
    public async Task Only_the_last_32_ids_are_remembered()
    {
        var told = 0;
        _rpc.Router.RepeatedCall = (_, _) => told++;
        for (var i = 0; i <= 32; i++)
        {
            await _rpc.SendAsync($$"""[2,"w-{{i}}","ClearCache",{}]""");
            await _rpc.ReceiveTextAsync();
        }

        // w-0 left the window with w-32; w-1 is still in it.
        await _rpc.SendAsync("""[2,"w-0","ClearCache",{}]""");
        Assert.Equal("""[3,"w-0",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
        await _rpc.SendAsync("""[2,"w-2","ClearCache",{}]""");
        await _rpc.ReceiveCallErrorAsync("w-2", "SecurityError");
        Assert.Equal(1, told);
        Assert.Equal(34, _handled);
    }
}
