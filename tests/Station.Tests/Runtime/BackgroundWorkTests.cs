using Microsoft.Extensions.Logging;
using Ocpp16.Testing;
using Station.Runtime;
using Xunit;

namespace Station.Tests.Runtime;

/// <summary>Work started without awaiting it: tracked, logged when it fails, cancelled and awaited when the station stops.</summary>
public sealed class BackgroundWorkTests : IAsyncLifetime
{
    private readonly TestLogSink _logs = new();
    private BackgroundWork _work = null!;

    public Task InitializeAsync()
    {
        _work = new BackgroundWork(_logs.CreateLogger("Station.Runtime"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _work.DisposeAsync().AsTask().OrTimeout();
        _logs.AssertNoErrors();
    }

    [Fact]
    public async Task Work_runs_without_holding_up_its_caller()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _work.Run("waits", async _ =>
        {
            await release.Task;
            ran.SetResult();
        });

        Assert.False(ran.Task.IsCompleted);
        release.SetResult();
        await ran.Task.OrTimeout();
    }

    [Fact]
    public async Task Nothing_running_is_idle_at_once() => await _work.WhenIdleAsync().OrTimeout();

    [Fact]
    public async Task Idle_means_every_piece_of_work_has_finished_including_work_started_meanwhile()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Run("first", _ => first.Task);

        var idle = _work.WhenIdleAsync();
        _work.Run("second", _ => second.Task);
        first.SetResult();
        await Task.Yield();
        Assert.False(idle.IsCompleted);
        second.SetResult();

        await idle.OrTimeout();
    }

    [Fact]
    public async Task A_failure_is_logged_as_an_error_naming_the_work_and_does_not_stop_other_work()
    {
        _logs.ExpectedError = e => e.EventId.Id == 2000;
        var other = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _work.Run("doomed", _ => throw new InvalidOperationException("boom"));
        _work.Run("fine", _ =>
        {
            other.SetResult();
            return Task.CompletedTask;
        });
        await _work.WhenIdleAsync().OrTimeout();

        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal((2000, "Background work 'doomed' failed"), (error.EventId.Id, error.Message));
        Assert.Equal("boom", error.Exception!.Message);
        Assert.True(other.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_station_stopping_is_a_failure()
    {
        _logs.ExpectedError = e => e.EventId.Id == 2000;

        _work.Run("cancelled by someone else", _ => throw new OperationCanceledException());
        await _work.WhenIdleAsync().OrTimeout();

        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Stopping_cancels_running_work_quietly_and_waits_for_it()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cleanedUp = false;
        _work.Run("endless", async cancellationToken =>
        {
            try
            {
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            }
            finally
            {
                cleanedUp = true;
            }
        });
        await started.Task.OrTimeout();
        var stopping = _work.Stopping;

        await _work.DisposeAsync().AsTask().OrTimeout();

        Assert.True(cleanedUp);
        Assert.True(stopping.IsCancellationRequested);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Stopping_twice_is_harmless()
    {
        _work.Run("short", _ => Task.CompletedTask);

        await _work.DisposeAsync().AsTask().OrTimeout();
        await _work.DisposeAsync().AsTask().OrTimeout();
    }

    [Fact]
    public async Task Work_started_after_stopping_does_not_run()
    {
        await _work.DisposeAsync().AsTask().OrTimeout();
        var ran = false;

        _work.Run("late", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await _work.WhenIdleAsync().OrTimeout();
        Assert.False(ran);
    }
}
