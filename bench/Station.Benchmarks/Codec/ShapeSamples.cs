using System.Globalization;
using System.Text;
using Ocpp16.Framing;
using Ocpp16.Messages;

namespace Station.Benchmarks.Codec;

/// <summary>The sample of each <see cref="MessageShape"/>, with its expected wire text written out by hand.</summary>
public static class ShapeSamples
{
    private static readonly DateTimeOffset Timestamp = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    // The 24 Core keys a GetConfiguration of GetConfigurationMaxKeys keys returns on the built-in
    // TSCT-2007CP model, in name order, with their default values (key, readonly, value).
    private static readonly (string Key, bool ReadOnly, string Value)[] ConfigurationKeys =
    [
        ("AllowOfflineTxForUnknownId", false, "false"),
        ("AuthorizationCacheEnabled", false, "true"),
        ("AuthorizeRemoteTxRequests", false, "false"),
        ("BlinkRepeat", false, "3"),
        ("ClockAlignedDataInterval", false, "900"),
        ("ConnectionTimeOut", false, "60"),
        ("ConnectorPhaseRotation", false, "1.NotApplicable"),
        ("ConnectorPhaseRotationMaxLength", true, "2"),
        ("GetConfigurationMaxKeys", true, "24"),
        ("HeartbeatInterval", false, "60"),
        ("LightIntensity", false, "100"),
        ("LocalAuthorizeOffline", false, "true"),
        ("LocalPreAuthorize", false, "false"),
        ("MaxEnergyOnInvalidId", false, "0"),
        ("MeterValuesAlignedData", false, "Energy.Active.Import.Register"),
        ("MeterValuesAlignedDataMaxLength", true, "4"),
        ("MeterValuesSampledData", false, "Energy.Active.Import.Register"),
        ("MeterValuesSampledDataMaxLength", true, "4"),
        ("MeterValueSampleInterval", false, "60"),
        ("MinimumStatusDuration", false, "0"),
        ("NumberOfConnectors", true, "1"),
        ("ResetRetries", false, "1"),
        ("StopTransactionMaxMeterValues", true, "4"),
        ("StopTransactionOnEVSideDisconnect", false, "true"),
    ];

    public static ShapeSample For(MessageShape shape) => shape switch
    {
        MessageShape.Heartbeat => Heartbeat(),
        MessageShape.StartTransaction => StartTransaction(),
        MessageShape.MeterValues4 => MeterValues4(),
        MessageShape.GetConfiguration24 => GetConfiguration24(),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    private static ShapeSample Heartbeat()
    {
        var request = new HeartbeatRequest();
        return new ShapeSample
        {
            Shape = MessageShape.Heartbeat,
            Action = OcppActions.Heartbeat,
            FrameType = MessageTypeId.Call,
            Payload = request,
            FrameText = $$"""[2,"{{ShapeSample.MessageId}}","Heartbeat",{}]""",
            ExchangeRequest = request,
            ExchangeResponse = new HeartbeatResponse { CurrentTime = Timestamp },
        };
    }

    private static ShapeSample StartTransaction()
    {
        var request = new StartTransactionRequest { ConnectorId = 1, IdTag = "04E91C5A", MeterStart = 12345, Timestamp = Timestamp };
        return new ShapeSample
        {
            Shape = MessageShape.StartTransaction,
            Action = OcppActions.StartTransaction,
            FrameType = MessageTypeId.Call,
            Payload = request,
            FrameText = $$"""[2,"{{ShapeSample.MessageId}}","StartTransaction",{"connectorId":1,"idTag":"04E91C5A","meterStart":12345,"timestamp":"2025-03-14T15:09:26.535Z"}]""",
            ExchangeRequest = request,
            ExchangeResponse = new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted }, TransactionId = 42 },
        };
    }

    private static ShapeSample MeterValues4()
    {
        var request = new MeterValuesRequest
        {
            ConnectorId = 1,
            TransactionId = 42,
            MeterValue =
            [
                new MeterValue
                {
                    Timestamp = Timestamp,
                    SampledValue =
                    [
                        Sampled("12345.6", Measurand.EnergyActiveImportRegister, null, UnitOfMeasure.Wh),
                        Sampled("7360.2", Measurand.PowerActiveImport, null, UnitOfMeasure.W),
                        Sampled("32.0", Measurand.CurrentImport, Phase.L1, UnitOfMeasure.A),
                        Sampled("230.0", Measurand.Voltage, Phase.L1N, UnitOfMeasure.V),
                    ],
                },
            ],
        };
        const string Context = "\"context\":\"Sample.Periodic\"";
        var text = $$"""[2,"{{ShapeSample.MessageId}}","MeterValues",{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2025-03-14T15:09:26.535Z","sampledValue":[""" +
            $$"""{"value":"12345.6",{{Context}},"measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},""" +
            $$"""{"value":"7360.2",{{Context}},"measurand":"Power.Active.Import","location":"Outlet","unit":"W"},""" +
            $$"""{"value":"32.0",{{Context}},"measurand":"Current.Import","phase":"L1","location":"Outlet","unit":"A"},""" +
            $$"""{"value":"230.0",{{Context}},"measurand":"Voltage","phase":"L1-N","location":"Outlet","unit":"V"}]}]}]""";
        return new ShapeSample
        {
            Shape = MessageShape.MeterValues4,
            Action = OcppActions.MeterValues,
            FrameType = MessageTypeId.Call,
            Payload = request,
            FrameText = text,
            ExchangeRequest = request,
            ExchangeResponse = new MeterValuesResponse(),
        };
    }

    private static ShapeSample GetConfiguration24()
    {
        var response = new GetConfigurationResponse
        {
            ConfigurationKey = [.. ConfigurationKeys.Select(k => new KeyValue { Key = k.Key, ReadOnly = k.ReadOnly, Value = k.Value })],
        };
        var text = new StringBuilder($$"""[3,"{{ShapeSample.MessageId}}",{"configurationKey":[""");
        text.AppendJoin(',', ConfigurationKeys.Select(k =>
            string.Create(CultureInfo.InvariantCulture, $$"""{"key":"{{k.Key}}","readonly":{{(k.ReadOnly ? "true" : "false")}},"value":"{{k.Value}}"}""")));
        text.Append("]}]");
        return new ShapeSample
        {
            Shape = MessageShape.GetConfiguration24,
            Action = OcppActions.GetConfiguration,
            FrameType = MessageTypeId.CallResult,
            Payload = response,
            FrameText = text.ToString(),
            ExchangeRequest = new GetConfigurationRequest(),
            ExchangeResponse = response,
        };
    }

    private static SampledValue Sampled(string value, Measurand measurand, Phase? phase, UnitOfMeasure unit) => new()
    {
        Value = value,
        Context = ReadingContext.SamplePeriodic,
        Measurand = measurand,
        Phase = phase,
        Location = Location.Outlet,
        Unit = unit,
    };
}
