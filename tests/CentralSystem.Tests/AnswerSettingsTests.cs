using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Xunit;

namespace CentralSystem.Tests;

public sealed class AnswerSettingsTests
{
    [Fact]
    public void The_settings_start_from_the_options()
    {
        var settings = AnswerSettings.From(new CentralSystemOptions { HeartbeatInterval = 17, DeniedIdTags = ["A1", "a1", "B2"] });

        Assert.Equal((RegistrationStatus.Accepted, 17), (settings.BootStatus, settings.HeartbeatInterval));
        Assert.Equal(["A1", "B2"], settings.IdTagStatuses.Keys.Order(StringComparer.Ordinal));
        Assert.All(settings.IdTagStatuses.Values, status => Assert.Equal(AuthorizationStatus.Invalid, status));
    }

    [Fact]
    public async Task Settings_that_cannot_be_answered_with_are_refused_naming_the_setting_and_change_nothing()
    {
        await using var csms = await TestCentralSystem.StartAsync();
        var before = csms.Server.Answers;

        var negative = Assert.Throws<ArgumentException>(() => csms.Server.SetAnswers(before with { HeartbeatInterval = -3 }));
        var undefined = Assert.Throws<ArgumentException>(() => csms.Server.SetAnswers(before with { BootStatus = (RegistrationStatus)9 }));
        var longIdTag = Assert.Throws<ArgumentException>(() => csms.Server.SetAnswers(before with
        {
            StartTransactionStatuses = new Dictionary<string, AuthorizationStatus> { ["AN-IDTAG-LONGER-THAN-20"] = AuthorizationStatus.Blocked },
        }));

        Assert.StartsWith("AnswerSettings.HeartbeatInterval -3 is negative", negative.Message, StringComparison.Ordinal);
        Assert.StartsWith("AnswerSettings.BootStatus 9 is not a RegistrationStatus", undefined.Message, StringComparison.Ordinal);
        Assert.StartsWith("AnswerSettings.StartTransactionStatuses holds 'AN-IDTAG-LONGER-THAN-20'", longIdTag.Message, StringComparison.Ordinal);
        Assert.Same(before, csms.Server.Answers);
    }

    [Fact]
    public async Task A_change_is_announced_with_the_settings_in_force()
    {
        await using var csms = await TestCentralSystem.StartAsync();
        AnswerSettings? announced = null;
        csms.Server.AnswersChanged += (_, settings) => announced = settings;

        csms.Server.SetAnswers(new AnswerSettings { IdTagStatuses = new Dictionary<string, AuthorizationStatus> { ["card1"] = AuthorizationStatus.Blocked } });

        Assert.Same(csms.Server.Answers, announced);
        Assert.Equal(AuthorizationStatus.Blocked, announced!.IdTagStatuses["CARD1"]);
    }
}
