using Xunit;

namespace Station.Benchmarks.Tests;

/// <summary>Tests that redirect the process's Console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
