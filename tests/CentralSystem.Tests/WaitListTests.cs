using Xunit;

namespace CentralSystem.Tests;

/// <summary>The waits behind WaitForStationAsync and the frame waits of a session.</summary>
public sealed class WaitListTests
{
    private readonly Lock _lock = new();
    private readonly WaitList<string> _waits;

    public WaitListTests() => _waits = new(_lock);

    [Fact]
    public async Task An_item_completes_only_the_waits_it_satisfies()
    {
        var forA = _waits.Add(item => item == "a", CancellationToken.None);
        var forB = _waits.Add(item => item == "b", CancellationToken.None);

        _waits.Offer("a");

        Assert.Equal("a", await forA);
        Assert.False(forB.IsCompleted);
        _waits.Offer("b");
        Assert.Equal("b", await forB);
    }

    [Fact]
    public async Task A_completed_wait_is_not_completed_again_by_a_later_item()
    {
        var wait = _waits.Add(_ => true, CancellationToken.None);
        _waits.Offer("first");
        _waits.Offer("second");

        Assert.Equal("first", await wait);
    }

    [Fact]
    public async Task A_predicate_that_throws_fails_its_own_wait_only()
    {
        var throwing = _waits.Add(_ => throw new InvalidOperationException("bad predicate"), CancellationToken.None);
        var other = _waits.Add(item => item == "x", CancellationToken.None);

        _waits.Offer("x");

        Assert.Equal("bad predicate", (await Assert.ThrowsAsync<InvalidOperationException>(() => throwing)).Message);
        Assert.Equal("x", await other);
    }

    [Fact]
    public async Task Cancelling_ends_the_wait_and_removes_it()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var wait = _waits.Add(_ => ++calls > 0, cancel.Token);

        await cancel.CancelAsync();
        _waits.Offer("late");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task An_already_cancelled_token_cancels_at_once()
    {
        var wait = _waits.Add(_ => true, new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Failing_all_fails_every_pending_wait_with_its_own_exception()
    {
        var first = _waits.Add(_ => true, CancellationToken.None);
        var second = _waits.Add(_ => true, CancellationToken.None);

        _waits.FailAll(() => new ObjectDisposedException("stopped"));
        _waits.Offer("after");

        var one = await Assert.ThrowsAsync<ObjectDisposedException>(() => first);
        var two = await Assert.ThrowsAsync<ObjectDisposedException>(() => second);
        Assert.NotSame(one, two);
    }

    [Fact]
    public async Task Settle_answers_an_item_at_hand_without_waiting()
    {
        Assert.Null(WaitList<string>.Settle(item => item == "b", "a"));
        Assert.Equal("a", await WaitList<string>.Settle(item => item == "a", "a")!);
        var failed = WaitList<string>.Settle(_ => throw new FormatException("no"), "a");
        await Assert.ThrowsAsync<FormatException>(() => failed!);
    }
}
