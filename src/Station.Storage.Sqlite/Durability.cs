namespace Station.Storage.Sqlite;

/// <summary>
/// What a commit survives once it returns. Both keep the database consistent (WAL): the choice is
/// whether the last commits before a power cut of the machine may be lost.
/// </summary>
public enum Durability
{
    /// <summary>
    /// WAL with <c>synchronous=FULL</c>: every commit is on the disk (one fsync) before it returns,
    /// so a power cut of the machine loses nothing that was committed. The default.
    /// </summary>
    PowerLossSafe,

    /// <summary>
    /// WAL with <c>synchronous=NORMAL</c>: a commit is in the operating system's page cache when it
    /// returns and reaches the disk at the next checkpoint. It survives the process being killed
    /// (<c>kill -9</c>, a crash) but not a power cut of the machine, which may lose the latest
    /// commits (never corrupting the file). Saves one fsync per commit.
    /// </summary>
    ProcessCrashSafe,
}
