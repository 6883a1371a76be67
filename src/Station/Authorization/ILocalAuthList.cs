using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>
/// The Local Authorization List as authorization reads it. The Local Auth List Management profile
/// fills it; until that profile is enabled the list is empty.
/// </summary>
public interface ILocalAuthList
{
    /// <summary>The entry for <paramref name="idTag"/>, or null when the list does not hold it (or is disabled).</summary>
    IdTagInfo? Find(string idTag);
}
