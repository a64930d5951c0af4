using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Rewards;

public sealed class RecordOnlyRewardIssuerTests
{
    private static readonly RewardIssueRequest _request = new(
        new Guid("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01"), LedgerEntryFactory.TenantId, Beneficiary.Advocate,
        LedgerEntryFactory.AdvocateId, null, RewardKind.StoreCredit, new Money(10m, "EUR"), "ledger:9a8b7c6d");

    [Test]
    public async Task IssueAsync_RecordsTheRewardAsDone_WhenAsked()
    {
        var result = await new RecordOnlyRewardIssuer().IssueAsync(_request, CancellationToken.None);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.ExternalRef, Is.EqualTo("recorded:ledger:9a8b7c6d"));
        Assert.That(result.Reason, Is.Null);
    }

    [Test]
    public async Task IssueAsync_GivesTheSameRef_WhenTheSameEntryIsIssuedTwice()
    {
        var issuer = new RecordOnlyRewardIssuer();

        var first = await issuer.IssueAsync(_request, CancellationToken.None);
        var second = await issuer.IssueAsync(_request, CancellationToken.None);

        Assert.That(second.ExternalRef, Is.EqualTo(first.ExternalRef));
    }

    [Test]
    public void IssueAsync_Throws_WhenTheRequestIsNull() =>
        Assert.That(() => new RecordOnlyRewardIssuer().IssueAsync(null!, CancellationToken.None), Throws.ArgumentNullException);

    [Test]
    public async Task ReverseAsync_SaysItCannotTakeMoneyBack_WhenAsked()
    {
        var result = await new RecordOnlyRewardIssuer().ReverseAsync(_request, CancellationToken.None);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.ExternalRef, Is.Null);
        Assert.That(result.Reason, Does.Contain("offsets the next reward"));
    }
}
