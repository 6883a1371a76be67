using BenchmarkDotNet.Running;

namespace Station.Benchmarks;

/// <summary>BenchmarkDotNet's switcher: <c>--filter '*'</c>, <c>--list flat</c>, <c>--job short</c>, ...</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
