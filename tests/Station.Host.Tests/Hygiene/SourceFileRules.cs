using System.Text.RegularExpressions;

namespace Station.Host.Tests.Hygiene;

/// <summary>
/// The house rules a C# source file can be checked against as text: one top-level type per file,
/// named after the file, and no line longer than the limit in .editorconfig.
/// </summary>
internal static partial class SourceFileRules
{
    /// <summary>The folders whose .cs files the rules cover, relative to the repository root.</summary>
    public static readonly string[] Roots = ["src", "tests", "bench", "fuzz"];

    /// <summary>The repository root: the first folder above the test binaries that holds OcppStation.slnx.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OcppStation.slnx")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"no OcppStation.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>Every .cs file under <see cref="Roots"/>, build output (bin, obj) and hidden folders left out, relative to the root with '/'.</summary>
    public static IReadOnlyList<string> SourceFiles(DirectoryInfo root) =>
        Roots
            .Select(r => new DirectoryInfo(Path.Combine(root.FullName, r)))
            .Where(d => d.Exists)
            .SelectMany(CsFiles)
            .Select(f => Path.GetRelativePath(root.FullName, f.FullName).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The <c>max_line_length</c> of the <c>[*.cs]</c> section of the root's .editorconfig.</summary>
    public static int MaxLineLength(DirectoryInfo root)
    {
        var inCsSection = false;
        foreach (var line in File.ReadLines(Path.Combine(root.FullName, ".editorconfig")))
        {
            var text = line.Trim();
            if (text.StartsWith('['))
            {
                inCsSection = text == "[*.cs]";
            }
            else if (inCsSection && MaxLineLengthSetting().Match(text) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException(".editorconfig sets no max_line_length for [*.cs]");
    }

    /// <summary>The lines (1-based number and length) longer than <paramref name="limit"/> characters.</summary>
    public static IEnumerable<(int Number, int Length)> LongLines(string text, int limit) =>
        text.Split('\n')
            .Select((line, index) => (Number: index + 1, Length: line.TrimEnd('\r').Length))
            .Where(l => l.Length > limit);

    /// <summary>
    /// The top-level types a file declares, in order: declarations that start a line. File-scoped
    /// namespaces (IDE0161 is an error) put every top-level type at column 0 and nested ones deeper.
    /// </summary>
    public static IReadOnlyList<string> TopLevelTypes(string text) =>
        TypeDeclaration().Matches(text).Select(m => m.Groups["name"].Value).ToList();

    /// <summary>
    /// Whether <paramref name="fileName"/> fits <paramref name="typeName"/>: <c>Name.cs</c>, a part of a
    /// partial type (<c>Name.Log.cs</c>), or a generic beside a non-generic namesake (<c>Name{T}.cs</c>).
    /// </summary>
    public static bool IsNamedAfter(string fileName, string typeName)
    {
        var stem = Path.GetFileName(fileName).Split('.')[0];
        var brace = stem.IndexOf('{', StringComparison.Ordinal);
        return (brace < 0 ? stem : stem[..brace]) == typeName;
    }

    private static IEnumerable<FileInfo> CsFiles(DirectoryInfo directory) =>
        directory.EnumerateFiles("*.cs").Concat(
            directory.EnumerateDirectories()
                .Where(d => d.Name is not ("bin" or "obj") && !d.Name.StartsWith('.'))
                .SelectMany(CsFiles));

    [GeneratedRegex(@"^max_line_length\s*=\s*(\d+)$")]
    private static partial Regex MaxLineLengthSetting();

    [GeneratedRegex(
        @"^(?:(?:public|internal|private|protected|file|sealed|static|abstract|partial|readonly|unsafe|new|ref)\s+)*" +
        @"(?:(?:class|struct|interface|enum|record(?:\s+(?:struct|class))?)\s+(?<name>\w+)|delegate\s+[^(=;]+?\s+(?<name>\w+)\s*(?:<[^>]*>)?\s*\()",
        RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
