using System.Buffers;
using System.Text;
using Ocpp16.Framing;
using Ocpp16.Json;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Codec;

/// <summary>The exact text the station puts on the wire for its messages.</summary>
public sealed class WireTextTests
{
    private static readonly DateTimeOffset Timestamp = RequestSamples.Timestamp;

    [Fact]
    public void StartTransaction_is_written_with_utc_millisecond_date_and_without_absent_fields()
    {
        var request = new StartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E6F7", MeterStart = 12345, Timestamp = Timestamp };

        var text = WriteCall(OcppActions.StartTransaction, request);

        Assert.Equal(
            """[2,"19223201","StartTransaction",{"connectorId":1,"idTag":"04A2B3C4D5E6F7","meterStart":12345,"timestamp":"2026-11-25T16:27:49.123Z"}]""",
            text);
    }

    [Fact]
    public void StartTransaction_with_a_reservation_carries_its_id()
    {
        var request = new StartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E6F7", MeterStart = 0, ReservationId = 17, Timestamp = Timestamp };

        Assert.Equal(
            """{"connectorId":1,"idTag":"04A2B3C4D5E6F7","meterStart":0,"reservationId":17,"timestamp":"2026-11-25T16:27:49.123Z"}""",
            MessageCatalog.Write("StartTransaction.req", request));
    }

    [Fact]
    [Trait("Cert", "C-09")]
    public void MeterValues_is_written_with_the_dotted_wire_names_of_measurands_contexts_and_phases()
    {
        var request = new MeterValuesRequest
        {
            ConnectorId = 1,
            TransactionId = 4711,
            MeterValue =
            [
                new MeterValue
                {
                    Timestamp = Timestamp,
                    SampledValue =
                    [
                        new SampledValue
                        {
                            Value = "12345.6", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.EnergyActiveImportRegister, Location = Location.Outlet, Unit = UnitOfMeasure.Wh,
                        },
                        new SampledValue { Value = "3520", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.PowerActiveImport, Unit = UnitOfMeasure.W },
                        new SampledValue { Value = "229.8", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.Voltage, Phase = Phase.L1N, Unit = UnitOfMeasure.V },
                        new SampledValue
                        {
                            Value = "15.3", Context = ReadingContext.SamplePeriodic, Format = ValueFormat.Raw, Measurand = Measurand.CurrentImport, Phase = Phase.L1, Unit = UnitOfMeasure.A,
                        },
                    ],
                },
            ],
        };

        var text = WriteCall(OcppActions.MeterValues, request);

        Assert.Equal(
            """[2,"19223201","MeterValues",{"connectorId":1,"transactionId":4711,"meterValue":[{"timestamp":"2026-11-25T16:27:49.123Z","sampledValue":[""" +
            """{"value":"12345.6","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},""" +
            """{"value":"3520","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"},""" +
            """{"value":"229.8","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","unit":"V"},""" +
            """{"value":"15.3","context":"Sample.Periodic","format":"Raw","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}]""",
            text);
        OcppSchemas.AssertValid("MeterValues", false, MessageCatalog.Write("MeterValues.req", request));
    }

    [Fact]
    [Trait("Cert", "AQ-7.2")]
    public void StopTransaction_after_a_power_loss_is_written_with_reason_PowerLoss()
    {
        var request = new StopTransactionRequest { MeterStop = 19876, Timestamp = Timestamp, TransactionId = 4711, Reason = Reason.PowerLoss };

        Assert.Equal(
            """{"meterStop":19876,"timestamp":"2026-11-25T16:27:49.123Z","transactionId":4711,"reason":"PowerLoss"}""",
            MessageCatalog.Write("StopTransaction.req", request));
    }

    [Fact]
    public void Date_with_an_offset_is_written_as_the_same_instant_in_utc()
    {
        var request = new HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 11, 25, 18, 27, 49, 123, TimeSpan.FromHours(2)) };

        Assert.Equal("""{"currentTime":"2026-11-25T16:27:49.123Z"}""", MessageCatalog.Write("Heartbeat.conf", request));
    }

    [Fact]
    public void Date_is_written_with_exactly_three_fraction_digits()
    {
        var request = new HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 11, 25, 16, 27, 49, TimeSpan.Zero).AddTicks(1_234_567) };

        Assert.Equal("""{"currentTime":"2026-11-25T16:27:49.123Z"}""", MessageCatalog.Write("Heartbeat.conf", request));
    }

    [Fact]
    public void Absent_optional_fields_are_omitted_never_null()
    {
        Assert.Equal(
            """{"connectorId":0,"errorCode":"NoError","status":"Available"}""",
            MessageCatalog.Write("StatusNotification.req", new StatusNotificationRequest { ConnectorId = 0, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available }));
        Assert.Equal("{}", MessageCatalog.Write("StopTransaction.conf", new StopTransactionResponse()));
        Assert.Equal("{}", MessageCatalog.Write("GetConfiguration.req", new GetConfigurationRequest()));
        Assert.Equal(
            """{"idTagInfo":{"status":"Accepted"}}""",
            MessageCatalog.Write("Authorize.conf", new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }));
    }

    [Fact]
    public void Computed_charging_limit_is_written_rounded_to_a_tenth()
    {
        var schedule = new ChargingSchedule
        {
            ChargingRateUnit = ChargingRateUnitType.A,
            ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 7360m / 3 / 230 }],
            MinChargingRate = 1.25m,
        };
        var response = new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Accepted, ConnectorId = 1, ChargingSchedule = schedule };

        var json = MessageCatalog.Write("GetCompositeSchedule.conf", response);

        Assert.Equal(
            """{"status":"Accepted","connectorId":1,"chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10.7}],"minChargingRate":1.3}}""",
            json);
        OcppSchemas.AssertValid("GetCompositeSchedule", true, json);
    }

    [Fact]
    public void String_longer_than_its_CiString_limit_is_refused_when_written()
    {
        var request = new AuthorizeRequest { IdTag = new string('A', 21) };

        var error = Assert.Throws<OcppJsonException>(() => MessageCatalog.Write("Authorize.req", request));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, error.ErrorCode);
    }

    [Fact]
    public void Undefined_enum_value_is_refused_when_written()
    {
        var response = new ResetResponse { Status = (ResetStatus)42 };

        var error = Assert.Throws<OcppJsonException>(() => MessageCatalog.Write("Reset.conf", response));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, error.ErrorCode);
    }

    private static string WriteCall(OcppAction action, IOcppRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        FrameWriter.WriteCall(buffer, "19223201", action, request);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
