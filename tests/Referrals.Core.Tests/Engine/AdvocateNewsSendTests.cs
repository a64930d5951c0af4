using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Email;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>The advocate news from planning to the e-mail in the pickup directory.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AdvocateNewsSendTests
{
    private const string BaseUrl = "https://shop.example";

    private readonly StorageProvider _provider;
    private PickupMailbox _mailbox = null!;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public AdvocateNewsSendTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _mailbox = new PickupMailbox();
        _engine = await EngineHarness.CreateAsync(_provider, options =>
        {
            options.Email.PickupDirectory = _mailbox.Directory;
            options.Links.PublicBaseUrl = BaseUrl;
            options.Links.KeyFile = _mailbox.KeyFile;
        });
        _tenant = await _engine.CreateTenantAsync(configure: s =>
        {
            s.Timeline.AdvocateNews.Enabled = true;
            s.AdvocateReward.FixedAmount = 10m;
            s.HoldDays = 30;
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        _mailbox.Dispose();
    }

    [Test]
    public async Task News_TellsTheAdvocateWhatTheirReferralsAchieved_WithTheirLinkAndUnsubscribe()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna", new CustomerInfo { AcceptsMarketing = true });
        await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "carl@example.com", 80m, _engine.Clock.GetUtcNow(), code.Display));
        _engine.Clock.Advance(TimeSpan.FromHours(1));

        await _engine.RunAsync((_, sp) => sp.GetRequiredService<PlanAdvocateNewsJob>().RunAsync(CancellationToken.None));
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 10, CancellationToken.None));
        await _engine.RunAsync((_, sp) => sp.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None));

        var mail = _mailbox.WithSubject("your news from").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("anna@example.com"));
            Assert.That(mail.Subject, Is.EqualTo("Anna, your news from Acme"));
            // One friend invited and converted (the 80 EUR order); a 10 EUR reward pending, none issued yet.
            Assert.That(mail.TextBody, Does.Contain("In the last 30 days you introduced 1 person and 1 became a customer. In all: 1 introduced, 1 customer."));
            Assert.That(mail.TextBody, Does.Contain("Rewards earned: 10.00 ").And.Contain("of which 0.00 "));
            Assert.That(mail.TextBody, Does.Contain(AdvocateNewsEmailHandler.CurrentIdealClientProfile(_tenant)));
            Assert.That(mail.TextBody, Does.Contain($"{BaseUrl}/r/{code.Display}"));
            Assert.That(mail.TextBody, Does.Contain($"{BaseUrl}/unsubscribe/"));
            Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        }
    }

    [Test]
    public async Task News_IsAboutTheProfileItsStepNames_AsIdealReferralAndIdealClient()
    {
        var tenant = await _engine.CreateTenantAsync("gardens.myshopify.com", s =>
        {
            s.Timeline.AdvocateNews.Enabled = true;
            s.IdealClients = [new IdealClientProfile { Name = "New home owners", Who = "families who have just moved in", Situation = "has just bought a house", Benefit = "We get the garden ready." }];
            s.Timeline.AdvocateNews.IdealClientName = "new home owners";
            s.Templates.AdvocateNewsText += "\n{% if ideal_client %}Who do you know who {{ ideal_client.situation }}?{% endif %}{% for p in ideal_clients %} [{{ p.name }}]{% endfor %}";
        });
        await _engine.CreateAdvocateAsync(tenant, "bo@example.com", "Bo", new CustomerInfo { AcceptsMarketing = true });

        await _engine.RunAsync((_, sp) => sp.GetRequiredService<PlanAdvocateNewsJob>().RunAsync(CancellationToken.None));
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 10, CancellationToken.None));
        await _engine.RunAsync((_, sp) => sp.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None));

        var mail = _mailbox.WithSubject("your news from").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.TextBody, Does.Contain("Right now we do our best work for families who have just moved in."));
            Assert.That(mail.TextBody, Does.Not.Contain(AskEmailHandler.DefaultIdealReferral));
            Assert.That(mail.TextBody, Does.Contain("Who do you know who has just bought a house? [New home owners]"));
            Assert.That(mail.HtmlBody, Does.Contain("we do our best work for families who have just moved in."));
        }
    }
}
