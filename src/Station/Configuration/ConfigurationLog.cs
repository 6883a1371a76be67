using Microsoft.Extensions.Logging;

namespace Station.Configuration;

/// <summary>Log events of the configuration block (event ids 2100–2149).</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Configuration {Key} = {Value}")]
    public static partial void Changed(ILogger logger, string key, string value);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "ChangeConfiguration {Key} = '{Value}' answered {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, string key, string value, Ocpp16.Messages.ConfigurationStatus status, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Ignoring the stored value '{Value}' of {Key}: {Reason}")]
    public static partial void IgnoredStoredValue(ILogger logger, string key, string value, string reason);
}
