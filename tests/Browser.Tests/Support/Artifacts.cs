using Xunit.Abstractions;

namespace Browser.Tests.Support;

/// <summary>
/// Where the browser tests leave what a person looks at: <c>TestResults/screenshots</c> of this
/// test project (ignored by git), or <c>OCPP_TEST_ARTIFACTS</c>. With <c>OCPP_README_IMAGES=1</c>
/// the README's images under <c>docs/images</c> are written too.
/// </summary>
public static class Artifacts
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("OCPP_TEST_ARTIFACTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(ProjectDirectory(), "TestResults");

    public static string Screenshots => Path.Combine(Directory, "screenshots");

    public static bool WriteReadmeImages => Environment.GetEnvironmentVariable("OCPP_README_IMAGES") == "1";

    /// <summary>The repository's <c>docs/images</c>.</summary>
    public static string ReadmeImages => Path.Combine(ProjectDirectory(), "..", "..", "docs", "images");

    /// <summary>Writes a measured figure to the test's output and appends it to <c>TestResults/page-load.txt</c>.</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        System.IO.Directory.CreateDirectory(Directory);
        File.AppendAllText(Path.Combine(Directory, "page-load.txt"), line + Environment.NewLine);
    }

    /// <summary>With <see cref="WriteReadmeImages"/>, copies a screenshot to the README's image <paramref name="name"/>.</summary>
    public static void SaveReadmeImage(string screenshot, string name)
    {
        if (WriteReadmeImages)
        {
            System.IO.Directory.CreateDirectory(ReadmeImages);
            File.Copy(screenshot, Path.Combine(ReadmeImages, name), overwrite: true);
        }
    }

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Browser.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        // Run from a copied output folder: next to the binaries.
        return AppContext.BaseDirectory;
    }
}
