using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Composition;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>ExtendedTriggerMessage (whitepaper edition 3, §5) for each of its messages, over the TriggerMessage machinery.</summary>
public sealed class ExtendedTriggerMessageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_message_is_sent_after_the_Accepted_answer()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var (_, log) = await Trigger(session, MessageTriggerEnumType.LogStatusNotification);
        var (idle, _) = await session.NextCallAsync<LogStatusNotificationRequest>(log);
        var (_, firmware) = await Trigger(session, MessageTriggerEnumType.FirmwareStatusNotification);
        var (signed, _) = await session.NextCallAsync<SignedFirmwareStatusNotificationRequest>(firmware);
        var (_, heartbeat) = await Trigger(session, MessageTriggerEnumType.Heartbeat);
        await session.NextCallAsync<HeartbeatRequest>(heartbeat);
        var (_, status) = await Trigger(session, MessageTriggerEnumType.StatusNotification, 1);
        var (connector, _) = await session.NextCallAsync<StatusNotificationRequest>(status);
        var (_, meter) = await Trigger(session, MessageTriggerEnumType.MeterValues, 1);
        await session.NextCallAsync<MeterValuesRequest>(meter, m => m.ConnectorId == 1);
        var (_, boot) = await Trigger(session, MessageTriggerEnumType.BootNotification);
        await session.NextCallAsync<BootNotificationRequest>(boot);

        Assert.Equal(UploadLogStatusEnumType.Idle, idle.Status);
        Assert.Null(idle.RequestId);
        Assert.Equal(FirmwareStatusEnumType.Idle, signed.Status);
        Assert.Null(signed.RequestId);
        Assert.Equal(1, connector.ConnectorId);
        Assert.Empty(session.CallsAfter<FirmwareStatusNotificationRequest>(0));
    }

    [Fact]
    public async Task A_connector_that_does_not_exist_is_Rejected_and_SignChargePointCertificate_without_a_certificate_block_is_NotImplemented()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            Composition = [.. StationComposition.Default.Where(d => d.Name is not ("Certificates" or "SecurityProfile"))],
        });
        var session = await harness.BootAsync();
        var before = session.LastSequence;

        var missing = await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.StatusNotification, ConnectorId = 2 }).OrTimeout();
        var negative = await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.MeterValues, ConnectorId = -1 }).OrTimeout();
        var sign = await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate }).OrTimeout();
        await session.FenceAsync();

        Assert.Equal(TriggerMessageStatusEnumType.Rejected, missing.Status);
        Assert.Equal(TriggerMessageStatusEnumType.Rejected, negative.Status);
        Assert.Equal(TriggerMessageStatusEnumType.NotImplemented, sign.Status);
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(before));
    }

    [Fact]
    public async Task SignChargePointCertificate_asks_the_certificate_block_after_the_answer_and_is_Rejected_when_it_cannot()
    {
        var signing = new SigningDouble();
        IReadOnlyList<ModuleDefinition> composition =
        [
            // Built first: the certificate block then leaves the signing request to the double.
            new ModuleDefinition
            {
                Name = "CertificateDouble",
                Profile = FeatureProfile.Security,
                Create = context =>
                {
                    context.Provide<IChargePointCertificateSigning>(signing);
                    return signing;
                },
            },
            .. StationComposition.Default,
        ];
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Composition = composition });
        var session = await harness.BootAsync();

        var accepted = await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate }).OrTimeout();
        await signing.Ran.Task.OrTimeout();
        signing.Able = false;
        var rejected = await session.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate }).OrTimeout();

        Assert.Equal(TriggerMessageStatusEnumType.Accepted, accepted.Status);
        Assert.Equal(TriggerMessageStatusEnumType.Rejected, rejected.Status);
        Assert.Equal(1, signing.Runs);
    }

    private static Task<(ExtendedTriggerMessageResponse Answer, long AnswerSequence)> Trigger(CentralSystem.StationSession session, MessageTriggerEnumType message, int? connectorId = null) =>
        session.CallRecordedAsync(new ExtendedTriggerMessageRequest { RequestedMessage = message, ConnectorId = connectorId });
}
