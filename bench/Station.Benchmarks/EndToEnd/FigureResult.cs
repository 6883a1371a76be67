namespace Station.Benchmarks.EndToEnd;

/// <summary>One measured figure, or why it could not be measured.</summary>
internal sealed record FigureResult(string Group, string Name, LabFigure Lab, Summary? Summary, string? NotMeasured = null)
{
    public static FigureResult Measured(string group, string name, LabFigure lab, IReadOnlyCollection<double> samples) =>
        new(group, name, lab, Summary.Of(samples));
}
