using System.Globalization;
using System.Text.RegularExpressions;
using Station.Host.Fleet;
using Station.Host.Tests.Hygiene;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// What runs the fleet beyond one machine, read as Kubernetes and Docker would read it: the Indexed
/// Job's shards, their arguments expanded from the container's env and given to the fleet command's
/// own parser, and the Dockerfile's inputs and entry point. (No cluster or Docker here.)
/// </summary>
public sealed partial class DeployTests
{
    private static readonly DirectoryInfo Root = SourceFileRules.RepositoryRoot();

    [Fact]
    public void The_indexed_job_runs_every_shard_on_an_adjacent_disjoint_id_range_against_one_central_system()
    {
        var job = Load("deploy/k8s/fleet-job.yaml");
        Assert.Equal(("batch/v1", "Job"), (Scalar(job, "apiVersion"), Scalar(job, "kind")));
        var spec = Map(job, "spec");
        Assert.Equal("Indexed", Scalar(spec, "completionMode"));
        var shards = int.Parse(Scalar(spec, "completions"), CultureInfo.InvariantCulture);
        Assert.True(shards >= 2, $"{shards} shards");
        var container = (YamlMappingNode)((YamlSequenceNode)Map(Map(spec, "template"), "spec")["containers"]).Children.Single();
        var env = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name"), e => e, StringComparer.Ordinal);
        Assert.Equal(
            "metadata.annotations['batch.kubernetes.io/job-completion-index']",
            Scalar(Map(Map(env["JOB_COMPLETION_INDEX"], "valueFrom"), "fieldRef"), "fieldPath"));
        string[] args = [.. ((YamlSequenceNode)container["args"]).Children.Select(a => ((YamlScalarNode)a).Value!)];
        Assert.Equal("fleet", args[0]);

        var ids = new List<string>();
        var urls = new HashSet<Uri>();
        for (var shard = 0; shard < shards; shard++)
        {
            var values = env.Where(e => e.Value.Children.ContainsKey("value")).ToDictionary(e => e.Key, e => Scalar(e.Value, "value"), StringComparer.Ordinal);
            values["JOB_COMPLETION_INDEX"] = shard.ToString(CultureInfo.InvariantCulture);
            var parse = FleetCommand.Create().Parse([.. args.Skip(1).Select(a => Expand(a, values))]);
            Assert.Empty(parse.Errors);
            var settings = FleetCommand.Resolve(parse);

            Assert.Equal(1 + (shard * settings.Stations), settings.FirstIndex);
            ids.AddRange(Enumerable.Range(0, settings.Stations).Select(settings.StationId));
            urls.UnionWith(settings.CentralSystemUris);
        }

        var perShard = int.Parse(Scalar(env["STATIONS_PER_SHARD"], "value"), CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(1, shards * perShard).Select(i => $"SIM-{i:D5}"), ids);
        Assert.Single(urls);
    }

    [Fact]
    public void The_image_is_built_from_files_in_the_repository_and_runs_the_station_command()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root.FullName, "Dockerfile"));

        // Every COPY from the build context names something the repository has, and the publish builds the host project.
        var copied = dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        Assert.NotEmpty(copied);
        Assert.All(copied, path => Assert.True(Path.Exists(Path.Combine(Root.FullName, path)), $"COPY {path}: not in the repository"));
        var publish = Assert.Single(dockerfile, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        var project = publish.Split(' ').Single(w => w.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Root.FullName, project)), project);
        Assert.Contains(copied, path => project.StartsWith(path, StringComparison.Ordinal));
        Assert.Contains("""ENTRYPOINT ["dotnet", "/app/ocpp-station.dll"]""", dockerfile);
        Assert.Equal("ocpp-station", typeof(FleetCommand).Assembly.GetName().Name);
    }

    private static string Expand(string argument, Dictionary<string, string> values) =>
        Variable().Replace(argument, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new KeyNotFoundException($"{m.Value} is not in the env"));

    // Kubernetes expands $(NAME) in args from the container's env.
    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Variable();

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root.FullName, path)));
        yaml.Load(reader);
        return (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
