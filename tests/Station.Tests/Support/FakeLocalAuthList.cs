using Ocpp16.Messages;
using Station.Authorization;

namespace Station.Tests.Support;

/// <summary>A Local Authorization List a test fills directly (case-insensitive, like idTags).</summary>
public sealed class FakeLocalAuthList : ILocalAuthList
{
    private readonly Dictionary<string, IdTagInfo> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces the entry of <paramref name="idTag"/>.</summary>
    public FakeLocalAuthList With(string idTag, IdTagInfo info)
    {
        lock (_entries)
        {
            _entries[idTag] = info;
        }

        return this;
    }

    /// <inheritdoc/>
    public IdTagInfo? Find(string idTag)
    {
        lock (_entries)
        {
            return _entries.GetValueOrDefault(idTag);
        }
    }
}
