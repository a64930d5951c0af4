using Referrals.Core.Asks;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Asks;

public sealed class AskTimelineTests
{
    [Test]
    public void Defaults_AreTheDocumentedConstants()
    {
        var timeline = new AskTimeline();

        Assert.Multiple(() =>
        {
            Assert.That(AskTimeline.DefaultPurchaseDelayDays, Is.EqualTo(7));
            Assert.That(AskTimeline.DefaultFulfilmentDelayDays, Is.EqualTo(3));
            Assert.That(AskTimeline.DefaultProblemSolvedDelayDays, Is.EqualTo(1));
            Assert.That(AskTimeline.DefaultBeforeStartDelayDays, Is.Zero);
            Assert.That(AskTimeline.DefaultManualDelayDays, Is.Zero);
            Assert.That(AskTimeline.DefaultCadenceIntervalDays, Is.EqualTo(90));
            Assert.That(AskTimeline.DefaultFrequencyCapDays, Is.EqualTo(30));
            Assert.That(timeline.FrequencyCapDays, Is.EqualTo(30));
            Assert.That(timeline.CadenceIntervalDays, Is.EqualTo(90));
            Assert.That(timeline.ProblemSolved.Channel, Is.EqualTo(AskChannel.Task));
            Assert.That(timeline.BeforeStart.Channel, Is.EqualTo(AskChannel.Task));
            Assert.That(timeline.Cadence.Channel, Is.EqualTo(AskChannel.Email));
            Assert.That(AskTimeline.DefaultAdvocateNewsIntervalDays, Is.EqualTo(30));
            Assert.That(timeline.AdvocateNewsIntervalDays, Is.EqualTo(30));
            Assert.That(timeline.AdvocateNews.Channel, Is.EqualTo(AskChannel.Email));
            Assert.That(timeline.AdvocateNews.DelayDays, Is.Zero);
            foreach (var trigger in Enum.GetValues<AskTrigger>())
            {
                Assert.That(timeline.StepFor(trigger).Trigger, Is.EqualTo(trigger));
                // Every ask is on by default; the advocate news is opt-in for the program.
                Assert.That(timeline.StepFor(trigger).Enabled, Is.EqualTo(trigger != AskTrigger.AdvocateNews));
                Assert.That(timeline.StepFor(trigger).TaskKind, Is.EqualTo(AskTaskKind.Call));
            }
        });
    }

    [Test]
    public void Validate_FindsNothing_ForTheDefaults() =>
        Assert.That(ProgramSettingsValidator.Validate(new ProgramSettings()), Is.Empty);

    [Test]
    public void Validate_NamesTheKey_WhenADelayIsNegative()
    {
        var settings = new ProgramSettings();
        settings.Timeline.Purchase.DelayDays = -1;

        Assert.That(ProgramSettingsValidator.Validate(settings).Select(p => p.Key), Is.EqualTo(new[] { "Referrals:Program:Timeline:Purchase:DelayDays" }));
    }

    [Test]
    public void Validate_NamesTheKey_WhenATaskKindIsUndefined()
    {
        var settings = new ProgramSettings();
        settings.Timeline.BeforeStart.TaskKind = (AskTaskKind)42;

        Assert.That(ProgramSettingsValidator.Validate(settings).Select(p => p.Key), Is.EqualTo(new[] { "Referrals:Program:Timeline:BeforeStart:TaskKind" }));
    }

    [Test]
    public void Validate_NamesTheKey_WhenTheCapOrCadenceIsOutOfRange()
    {
        var timeline = new AskTimeline { FrequencyCapDays = -1, CadenceIntervalDays = 0 };

        Assert.That(AskTimelineValidator.Validate(timeline).Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "Referrals:Program:Timeline:FrequencyCapDays",
            "Referrals:Program:Timeline:CadenceIntervalDays",
        }));
    }

    [Test]
    public void Validate_NamesTheKey_WhenAStepSaysItIsForAnotherTrigger()
    {
        var timeline = new AskTimeline();
        timeline.Fulfilment.Trigger = AskTrigger.Manual;

        Assert.That(AskTimelineValidator.Validate(timeline).Single().Key, Is.EqualTo("Referrals:Program:Timeline:Fulfilment:Trigger"));
    }

    [Test]
    public void Validate_Reports_AnAdvocateNewsIntervalOutOfRange_AndANewsChannelOtherThanEmail()
    {
        var timeline = new AskTimeline { AdvocateNewsIntervalDays = 0 };
        timeline.AdvocateNews.Channel = AskChannel.Task;

        Assert.That(AskTimelineValidator.Validate(timeline).Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "Referrals:Program:Timeline:AdvocateNewsIntervalDays",
            "Referrals:Program:Timeline:AdvocateNews:Channel",
        }));
    }
}
