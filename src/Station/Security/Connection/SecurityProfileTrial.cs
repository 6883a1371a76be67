namespace Station.Security.Connection;

/// <summary>
/// A security profile the Central System set and the station has not connected with yet: the
/// profile to go back to if it cannot (whitepaper, "Upgrading the security profile"), and the
/// failed attempts so far. Kept across a restart, so that a station killed during the trial still
/// falls back instead of dialling with a profile that never works.
/// </summary>
/// <param name="Profile">The new profile on trial.</param>
/// <param name="Previous">The profile (with its connection settings) to fall back to.</param>
/// <param name="FailedAttempts">Connection attempts that failed with <paramref name="Profile"/>.</param>
public sealed record SecurityProfileTrial(int Profile, int Previous, int FailedAttempts);
