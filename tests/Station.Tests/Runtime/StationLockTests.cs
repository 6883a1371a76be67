using Ocpp16.Testing;
using Station.Runtime;
using Xunit;

namespace Station.Tests.Runtime;

/// <summary>The one lock of a station instance.</summary>
public sealed class StationLockTests : IAsyncLifetime
{
    private readonly StationLock _lock = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _lock.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_second_entry_waits_until_the_first_is_released()
    {
        var first = await _lock.EnterAsync().OrTimeout();

        var second = _lock.EnterAsync().AsTask();
        await Task.Yield();
        Assert.False(second.IsCompleted);
        first.Dispose();

        (await second.OrTimeout()).Dispose();
    }

    [Fact]
    public async Task The_lock_is_not_reentrant()
    {
        using (await _lock.EnterAsync().OrTimeout())
        {
            using var cancel = new CancellationTokenSource();
            var again = _lock.EnterAsync(cancel.Token).AsTask();
            await Task.Yield();
            Assert.False(again.IsCompleted);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => again.OrTimeout());
        }
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_lock_usable()
    {
        using var cancel = new CancellationTokenSource();
        var held = await _lock.EnterAsync().OrTimeout();
        var waiting = _lock.EnterAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.OrTimeout());
        held.Dispose();

        (await _lock.EnterAsync().OrTimeout()).Dispose();
    }

    [Fact]
    public async Task Work_run_locked_starts_only_once_the_lock_is_free()
    {
        await using var fixture = new RuntimeFixture();
        var ran = false;

        using (await fixture.Runtime.Lock.EnterAsync().OrTimeout())
        {
            fixture.Runtime.RunLocked("locked work", _ =>
            {
                ran = true;
                return Task.CompletedTask;
            });
            var idle = fixture.Runtime.Background.WhenIdleAsync();
            await Task.Yield();
            Assert.False(idle.IsCompleted);
        }

        await fixture.Runtime.Background.WhenIdleAsync().OrTimeout();
        Assert.True(ran);
    }
}
