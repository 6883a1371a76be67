namespace Station.Composition;

/// <summary>The blocks that send a message on request, gathered while the station is composed.</summary>
public sealed class TriggerSources
{
    private readonly Dictionary<string, ITriggerSource> _byMessage = new(StringComparer.Ordinal);

    /// <summary>Adds a block's messages; a message has one source.</summary>
    public void Add(ITriggerSource source)
    {
        foreach (var message in source.TriggerableMessages)
        {
            if (!_byMessage.TryAdd(message, source))
            {
                throw new InvalidOperationException($"two blocks send {message} on request");
            }
        }
    }

    /// <summary>The block that sends <paramref name="message"/> on request, if any is present.</summary>
    public ITriggerSource? For(string message) => _byMessage.GetValueOrDefault(message);
}
