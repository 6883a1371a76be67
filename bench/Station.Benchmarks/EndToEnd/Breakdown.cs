namespace Station.Benchmarks.EndToEnd;

/// <summary>Where the time of one end-to-end figure goes: its parts, each sampled once per run.</summary>
internal sealed class Breakdown(string figure)
{
    private readonly List<(string Part, List<double> Samples)> _parts = [];

    public string Figure { get; } = figure;

    public IEnumerable<(string Part, Summary Summary)> Parts => _parts.Select(p => (p.Part, Summary.Of(p.Samples)));

    public void Add(string part, double milliseconds)
    {
        var index = _parts.FindIndex(p => p.Part == part);
        if (index < 0)
        {
            _parts.Add((part, []));
            index = _parts.Count - 1;
        }

        _parts[index].Samples.Add(milliseconds);
    }

    /// <summary>The same parts under another name.</summary>
    public Breakdown Renamed(string name)
    {
        var renamed = new Breakdown(name);
        renamed._parts.AddRange(_parts);
        return renamed;
    }
}
