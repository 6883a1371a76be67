namespace Station.SmartCharging;

/// <summary>One connector (1..n) as smart charging sees it: its supply and its transaction, if any.</summary>
/// <param name="ConnectorId">The OCPP connector id, 1 or more.</param>
/// <param name="Supply">What the connector can deliver.</param>
/// <param name="Transaction">The running transaction, or null.</param>
public sealed record ConnectorSituation(int ConnectorId, ElectricalSupply Supply, ConnectorTransaction? Transaction = null);
