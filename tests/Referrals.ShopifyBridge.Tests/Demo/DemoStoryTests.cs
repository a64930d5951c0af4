using Referrals.Demo;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.Demo;

/// <summary>
/// The <c>demo</c> command's story, run through the same code as <c>dotnet run --project tools/Referrals.Demo</c>:
/// the real bridge on Kestrel, a fresh SQLite file, the sandbox store's Admin API and signed webhooks.
/// </summary>
public sealed class DemoStoryTests
{
    [Test]
    public async Task RunAsync_HoldsEveryStep_AndEndsWithOneCreditAndAHalfDebitInTheStoresOwnRecord()
    {
        using var output = new StringWriter();

        var outcome = await DemoStory.RunAsync(output);

        var told = output.ToString();
        Assert.That(outcome.Failure, Is.Null, told);
        Assert.That(outcome.Passed, Is.True);
        Assert.That(outcome.StepsCompleted, Has.Count.EqualTo(10));
        Assert.That(outcome.StepsCompleted[^1], Is.EqualTo("Half of Anna's credit comes back"));
        Assert.That(outcome.StoreCredit, Is.EqualTo(new[] { "Credit 10.00 EUR", "Debit 5.00 EUR" }), "one credit, never two, then half back");
        Assert.That(outcome.AdvocateBalance, Is.EqualTo(DemoStory.Reward / 2));
        Assert.That(outcome.Ledger, Is.EquivalentTo(new[] { "Reward Issued 10.00 EUR", "ClawBack Issued -5.00 EUR" }));
        Assert.That(outcome.Emails, Does.Contain("Anna, how did we do?"));
        Assert.That(told, Does.Contain("All 10 steps held."));
        Assert.That(told, Does.Contain("/rate/"), "the story shows the rating link it followed");
    }

    [Test]
    public async Task RunAsync_StopsAndNamesTheStep_WhenTheStoreRefusesTheStoreCredit()
    {
        using var output = new StringWriter();

        var outcome = await DemoStory.RunAsync(output, store => store.AdminApi.FailNext(FakeFault.UserErrors, 100, "storeCreditAccountCredit"));

        Assert.That(outcome.Passed, Is.False);
        Assert.That(outcome.Failure, Does.StartWith("step 8 failed: \"The hold passes and the store credit is issued\": expected every outbox message succeeds"));
        Assert.That(output.ToString(), Does.Contain("FAILED step 8"));
        Assert.That(outcome.StepsCompleted, Has.Count.EqualTo(7));
        Assert.That(outcome.StoreCredit, Is.Empty, "nothing was paid");
    }
}
