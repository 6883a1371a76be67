namespace Station.Security.Connection;

/// <summary>Where the connection security block keeps a security profile on trial (<see cref="SecurityProfileTrial"/>).</summary>
public interface ISecurityProfileStore
{
    /// <summary>The trial in progress, or null.</summary>
    SecurityProfileTrial? Load();

    /// <summary>Stores <paramref name="trial"/>; null ends it (connected, or fallen back).</summary>
    void Save(SecurityProfileTrial? trial);
}
