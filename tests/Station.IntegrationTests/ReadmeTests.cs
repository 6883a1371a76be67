using System.Text;
using Station.Configuration;
using Station.Model;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>The README documents what the code does: its configuration key table is the station's own catalog.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void The_configuration_key_table_in_the_README_matches_the_keys_of_the_built_in_model()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");

        var table = Render(StationKeyCatalog.For(StationModel.Tsct2007Cp, ["ftp", "http", "https"]));

        Assert.True(readme.Contains(table, StringComparison.Ordinal), $"README.md should contain this table:\n{table}");
    }

    private static string Render(IEnumerable<ConfigurationKeyDefinition> definitions)
    {
        var table = new StringBuilder();
        table.Append("| key | profile | type | access | default | accepted values | what it does |\n");
        table.Append("|---|---|---|---|---|---|---|\n");
        foreach (var key in definitions.OrderBy(d => d.Profile).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            var values = key.Type switch
            {
                _ when key.ReadOnly => "",
                ConfigurationValueType.Boolean => "true, false",
                ConfigurationValueType.Integer => key.Range,
                ConfigurationValueType.List when key.AllowedItems is { } allowed => $"up to {key.MaxItems} of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}",
                ConfigurationValueType.List => $"up to {key.MaxItems} items",
                _ => "text",
            };
            var shown = key.DefaultValue.Length == 0 ? "(empty)" : key.DefaultValue;
            table.Append($"| `{key.Name}` | {key.Profile} | {key.Type} | {(key.ReadOnly ? "R" : "RW")} | `{shown}` | {values} | {key.Description} |\n");
        }

        return table.ToString();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OcppStation.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (OcppStation.slnx) was not found above the test output");
    }
}
