namespace Station.Runtime;

/// <summary>How a <see cref="RetryPlan"/> ended.</summary>
/// <param name="Attempts">The attempts made, the first included.</param>
/// <param name="Failure">Why the last attempt failed; null when it succeeded.</param>
public readonly record struct RetryOutcome(int Attempts, string? Failure);
