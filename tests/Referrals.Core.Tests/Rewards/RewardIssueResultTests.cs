using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Rewards;

public sealed class RewardIssueResultTests
{
    [Test]
    public void Done_Succeeds_WithTheExternalRef()
    {
        var result = RewardIssueResult.Done("gid://shopify/StoreCreditAccountTransaction/1");

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.ExternalRef, Is.EqualTo("gid://shopify/StoreCreditAccountTransaction/1"));
        Assert.That(result.Reason, Is.Null);
    }

    [Test]
    public void Done_Throws_WhenTheExternalRefIsNull() =>
        Assert.That(() => RewardIssueResult.Done(null!), Throws.ArgumentNullException);

    [TestCase("")]
    [TestCase("   ")]
    public void Done_Throws_WhenTheExternalRefIsBlank(string externalRef) =>
        Assert.That(() => RewardIssueResult.Done(externalRef), Throws.ArgumentException);

    [Test]
    public void Done_SaysWhatMoved_WhenTheIssuerKnowsIt()
    {
        Assert.That(RewardIssueResult.Done("t1").Moved, Is.Null, "the amount asked for");
        Assert.That(RewardIssueResult.Done("t1", new Money(6m, "EUR")).Moved, Is.EqualTo(new Money(6m, "EUR")));
    }

    [Test]
    public void Done_Throws_WhenWhatMovedIsNotPositive() =>
        Assert.That(() => RewardIssueResult.Done("t1", new Money(0m, "EUR")), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void NotPossible_FailsWithTheReason()
    {
        var result = RewardIssueResult.NotPossible("The customer has no store-credit account.");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Reason, Is.EqualTo("The customer has no store-credit account."));
        Assert.That(result.ExternalRef, Is.Null);
    }

    [Test]
    public void NotPossible_Throws_WhenTheReasonIsNull() =>
        Assert.That(() => RewardIssueResult.NotPossible(null!), Throws.ArgumentNullException);

    [TestCase("")]
    [TestCase("\t")]
    public void NotPossible_Throws_WhenTheReasonIsBlank(string reason) =>
        Assert.That(() => RewardIssueResult.NotPossible(reason), Throws.ArgumentException);
}
