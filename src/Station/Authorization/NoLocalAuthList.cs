using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>A station without a Local Authorization List.</summary>
public sealed class NoLocalAuthList : ILocalAuthList
{
    /// <inheritdoc/>
    public IdTagInfo? Find(string idTag) => null;
}
