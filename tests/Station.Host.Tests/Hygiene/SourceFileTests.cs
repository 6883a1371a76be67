using Xunit;

namespace Station.Host.Tests.Hygiene;

/// <summary>
/// The house style's file rules hold for every .cs file of the repository (src, tests, bench, fuzz):
/// one top-level type per file, the file named after it, and no line over the .editorconfig limit.
/// </summary>
public sealed class SourceFileTests
{
    private static readonly DirectoryInfo Root = SourceFileRules.RepositoryRoot();

    [Fact]
    public void The_rules_see_the_source_files()
    {
        var files = SourceFileRules.SourceFiles(Root);

        Assert.Contains("src/Ocpp16/Messages/OcppActions.cs", files);
        Assert.Contains("tests/Station.Host.Tests/Hygiene/SourceFileTests.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/obj/", StringComparison.Ordinal) || f.Contains("/bin/", StringComparison.Ordinal));
    }

    [Fact]
    public void No_line_is_longer_than_the_editorconfig_limit()
    {
        var limit = SourceFileRules.MaxLineLength(Root);

        var tooLong = SourceFileRules.SourceFiles(Root)
            .SelectMany(f => SourceFileRules.LongLines(File.ReadAllText(Path.Combine(Root.FullName, f)), limit)
                .Select(l => $"{f}:{l.Number}: {l.Length} characters"));

        Assert.Empty(tooLong);
    }

    [Fact]
    public void Every_file_declares_at_most_one_top_level_type()
    {
        var crowded = SourceFileRules.SourceFiles(Root)
            .Select(f => (File: f, Types: SourceFileRules.TopLevelTypes(File.ReadAllText(Path.Combine(Root.FullName, f)))))
            .Where(f => f.Types.Count > 1)
            .Select(f => $"{f.File}: {string.Join(", ", f.Types)}");

        Assert.Empty(crowded);
    }

    [Fact]
    public void Every_file_is_named_after_its_type()
    {
        var misnamed = SourceFileRules.SourceFiles(Root)
            .Select(f => (File: f, Types: SourceFileRules.TopLevelTypes(File.ReadAllText(Path.Combine(Root.FullName, f)))))
            .Where(f => f.Types.Count == 1 && !SourceFileRules.IsNamedAfter(f.File, f.Types[0]))
            .Select(f => $"{f.File}: {f.Types[0]}");

        Assert.Empty(misnamed);
    }

    [Fact]
    public void The_limit_is_the_one_editorconfig_sets() =>
        Assert.Equal(200, SourceFileRules.MaxLineLength(Root));

    [Fact]
    public void Top_level_types_are_found_and_nested_ones_are_not()
    {
        const string Text = """
            namespace Sample;

            /// <summary>A record.</summary>
            public sealed record OutboxMessage(string Action, string Payload);

            internal readonly record struct Sample(int Value);

            public interface IOcppRequest<TResponse> : IOcppRequest
                where TResponse : IOcppResponse;

            internal delegate ValueTask<IOcppResponse> ErasedHandler(IOcppRequest request);

            public static partial class Log
            {
                private sealed class Nested;

                public enum Kind { A, B }
            }
            """;

        Assert.Equal(["OutboxMessage", "Sample", "IOcppRequest", "ErasedHandler", "Log"], SourceFileRules.TopLevelTypes(Text));
    }

    [Fact]
    public void A_single_type_and_top_level_statements_pass()
    {
        Assert.Equal(["StationSnapshot"], SourceFileRules.TopLevelTypes("namespace Station;\n\npublic sealed record StationSnapshot(int Count);\n"));
        Assert.Empty(SourceFileRules.TopLevelTypes("using Station.Host;\n\nreturn await Program.RunAsync(args);\n"));
    }

    [Theory]
    [InlineData("src/Station/StationSnapshot.cs", "StationSnapshot", true)]
    [InlineData("src/CentralSystem/Api/ApiLog.Events.cs", "ApiLog", true)]
    [InlineData("src/Ocpp16/Messages/IOcppRequest{TResponse}.cs", "IOcppRequest", true)]
    [InlineData("src/Station/Transactions/ITransactionStore.cs", "OutboxMessage", false)]
    [InlineData("src/Station/StationSnapshots.cs", "StationSnapshot", false)]
    public void A_file_name_fits_its_type_name_plain_partial_or_generic(string file, string type, bool fits) =>
        Assert.Equal(fits, SourceFileRules.IsNamedAfter(file, type));

    [Fact]
    public void Lines_over_the_limit_are_reported_with_their_number_and_length()
    {
        var text = "short\r\n" + new string('x', 201) + "\r\n" + new string('y', 200) + "\n";

        Assert.Equal([(2, 201)], SourceFileRules.LongLines(text, 200));
    }
}
