namespace Ocpp16.Messages;

/// <summary>Who sends the request of an action.</summary>
public enum MessageDirection
{
    /// <summary>The Charge Point calls the Central System.</summary>
    ChargePointToCentralSystem,

    /// <summary>The Central System calls the Charge Point.</summary>
    CentralSystemToChargePoint,

    /// <summary>Either side may call (DataTransfer).</summary>
    Both,
}
