using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>
/// The Local Authorization List as authorization reads it, provided by the LocalAuthList block
/// (Local Auth List Management); a station without that profile has none.
/// </summary>
public interface ILocalAuthList
{
    /// <summary>The entry for <paramref name="idTag"/>, or null when the list does not hold it (or is disabled).</summary>
    IdTagInfo? Find(string idTag);
}
