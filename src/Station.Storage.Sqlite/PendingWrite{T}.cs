using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>A <see cref="PendingWrite"/> with a result.</summary>
internal sealed class PendingWrite<T>(Func<SqliteConnection, T> work) : PendingWrite
{
    // Continuations must not run on the writer thread: the next batch would wait for them.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override bool Execute(SqliteConnection connection)
    {
        try
        {
            _result = work(connection);
            return true;
        }
#pragma warning disable CA1031 // The work's exception belongs to its caller: it is handed over through the task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ex;
            return false;
        }
    }

    public override void Finish(Exception? batchFailure)
    {
        if ((_failure ?? batchFailure) is { } failure)
        {
            _completion.TrySetException(failure);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }
}
