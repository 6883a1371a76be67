namespace Ocpp16.Messages;

/// <summary>An OCPP 1.6 operation: its action name, profile, direction and payload types.</summary>
public abstract class OcppAction
{
    private protected OcppAction(string name, FeatureProfile profile, MessageDirection direction, OcppMessageType request, OcppMessageType response)
    {
        Name = name;
        Profile = profile;
        Direction = direction;
        Request = request;
        Response = response;
    }

    /// <summary>The action name as it travels in a CALL, e.g. <c>BootNotification</c>.</summary>
    public string Name { get; }

    /// <summary>The feature profile the operation belongs to.</summary>
    public FeatureProfile Profile { get; }

    /// <summary>Who sends the request.</summary>
    public MessageDirection Direction { get; }

    /// <summary>The .req payload.</summary>
    public OcppMessageType Request { get; }

    /// <summary>The .conf payload.</summary>
    public OcppMessageType Response { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
