namespace Station.Benchmarks.EndToEnd;

/// <summary>A figure of the certification lab's report (PRODUCT.md), in seconds.</summary>
internal sealed record LabFigure(double MinS, double AvgS, double MaxS)
{
    public static readonly LabFigure Response = new(0.27, 0.83, 1.97);
    public static readonly LabFigure TriggerMessage = new(1.37, 2.12, 3.06);
    public static readonly LabFigure RemoteStart = new(3.39, 3.39, 3.39);
    public static readonly LabFigure RemoteStop = new(3.06, 3.50, 3.94);
}
