using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>
/// The prepared commands of one connection, one per SQL text, reused for every execution.
/// </summary>
/// <remarks>
/// Why: <see cref="SqliteConnection"/> keeps a weak reference to every command created on it and
/// drops it only when the command is disposed, by a linear search of that list. The stores used to
/// create a command per statement and leave it to the GC, so the list grew by one entry per
/// statement for the life of the connection, and every command that was disposed (BEGIN, SAVEPOINT,
/// COMMIT: four per grouped write) searched it all under the file's lock: in a fleet of 1,000
/// stations that search was three quarters of the process's CPU after two minutes, and the native
/// statements waited for the GC. A cached command is prepared once, rebound per execution and
/// never disposed before the connection. Texts past <see cref="Capacity"/> (built with values in
/// them, not expected) get a command of their own that is disposed when the file's work returns.
/// Used under the file's lock only, like the connection.
/// </remarks>
internal sealed class StatementCache
{
    /// <summary>The most distinct SQL texts kept prepared per connection (the stores have about a hundred).</summary>
    public const int Capacity = 256;

    private static readonly ConditionalWeakTable<SqliteConnection, StatementCache> Caches = [];

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<SqliteCommand> _transient = [];

    private StatementCache(SqliteConnection connection) => _connection = connection;

    /// <summary>Commands kept prepared (for the tests).</summary>
    public int Count => _commands.Count;

    /// <summary>The cache of <paramref name="connection"/>, made on first use.</summary>
    public static StatementCache For(SqliteConnection connection) => Caches.GetValue(connection, static c => new StatementCache(c));

    /// <summary>The command for <paramref name="sql"/>, its parameters cleared, bound to <paramref name="transaction"/>.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            if (_commands.Count < Capacity)
            {
                _commands.Add(sql, command);
            }
            else
            {
                _transient.Add(command);
            }
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Disposes the commands made past the capacity: called when the work that used them has returned.</summary>
    public void ReleaseTransient()
    {
        if (_transient.Count == 0)
        {
            return;
        }

        foreach (var command in _transient)
        {
            command.Dispose();
        }

        _transient.Clear();
    }

    /// <summary>Disposes every command, before the connection closes.</summary>
    public void Clear()
    {
        ReleaseTransient();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
