using System.Net;
using Referrals.Core;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.Testing;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

/// <summary>
/// How the client meets each failure Shopify produces, against the fake on loopback: what it retries, after how long,
/// and what it raises. Delays are read from the client's retry log, never timed.
/// </summary>
public sealed class ShopifyAdminClientFailureTests
{
    private AdminApiHarness _api = null!;

    [TearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Request_GoesToThePinnedVersion_WithTheShopAsHostAndItsToken()
    {
        _api = await AdminApiHarness.StartAsync();

        await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"));
        await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"), AdminApiHarness.ShopB);

        var requests = _api.Fake.Requests;
        Assert.That(requests.Select(r => r.Path), Is.All.EqualTo($"/admin/api/{ShopifyAdminApiOptions.DefaultApiVersion}/graphql.json"));
        Assert.That(requests.Select(r => (r.Shop, r.AccessToken)), Is.EqualTo(new[] { (AdminApiHarness.ShopA, AdminApiHarness.TokenA), (AdminApiHarness.ShopB, AdminApiHarness.TokenB) }));
        Assert.That(requests.Select(r => r.OperationName), Is.All.EqualTo("CustomerByEmail"));
    }

    [Test]
    public async Task Request_UsesTheConfiguredVersion()
    {
        _api = await AdminApiHarness.StartAsync(o => o.ApiVersion = "2026-07");

        await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"));

        Assert.That(_api.Fake.Requests.Single().ApiVersion, Is.EqualTo("2026-07"));
    }

    [Test]
    public async Task UserErrors_RaiseATypedException_AfterExactlyOneRequest()
    {
        _api = await AdminApiHarness.StartAsync();
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.UserErrors, operation: "tagsAdd");

        var error = Assert.ThrowsAsync<ShopifyUserErrorsException>(() => _api.ExecuteAsync(new TagsAdd(anna, ["advocate"])));

        Assert.That(error!.UserErrors, Is.EqualTo(new[] { new ShopifyUserError(["input"], "Injected failure", "INJECTED") }).Using<ShopifyUserError>(SameError));
        Assert.That(error.OperationName, Is.EqualTo("TagsAdd"));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
        Assert.That(_api.A.TagsOf(anna), Is.Empty);
    }

    [Test]
    public async Task Throttled_IsRetried_AfterTheTimeTheCostBucketNeeds()
    {
        _api = await AdminApiHarness.StartAsync(configureFake: f => f.RestoreRate = 50);
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.Throttled);

        var credit = await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR")));

        // The fake emptied the bucket and reported restoreRate 50/s; the credit costs 10 points: (10 − 0) / 50 s, far
        // above the harness's back-off cap of 50 ms.
        var requests = _api.Fake.Requests;
        var retry = _api.Logs.Retries.Single();
        Assert.That(requests.Select(r => r.Throttled), Is.EqualTo(new[] { true, false }));
        Assert.That(retry.Failure, Is.EqualTo("THROTTLED"));
        Assert.That(retry.DelayMs, Is.InRange(150, 200));
        Assert.That(requests[1].ReceivedAt - requests[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(retry.DelayMs - 5)));
        Assert.That(credit.BalanceAfterTransaction.Amount, Is.EqualTo(10m));
        Assert.That(_api.A.StoreCreditTransactions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Http429_IsRetried_AfterRetryAfter()
    {
        _api = await AdminApiHarness.StartAsync(configureFake: f => f.RetryAfter = TimeSpan.FromMilliseconds(250));
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.Http429);

        await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR")));

        var requests = _api.Fake.Requests;
        var retry = _api.Logs.Retries.Single();
        Assert.That(requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 429, 200 }));
        Assert.That(retry.Failure, Is.EqualTo("HTTP 429"));
        Assert.That(retry.DelayMs, Is.EqualTo(250));
        Assert.That(requests[1].ReceivedAt - requests[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(245)));
    }

    [Test]
    public async Task Http503Twice_SucceedsOnTheThirdAttempt_WithBackOff()
    {
        _api = await AdminApiHarness.StartAsync();
        _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.Http503, count: 2);

        var customer = await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"));

        Assert.That(customer, Is.Not.Null);
        Assert.That(_api.Fake.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 503, 503, 200 }));
        Assert.That(_api.Logs.Retries.Select(r => r.Failure), Is.EqualTo(new[] { "HTTP 503", "HTTP 503" }));
        Assert.That(_api.Logs.Retries.Select(r => r.DelayMs), Is.All.InRange(0, 50));
    }

    [Test]
    public async Task PersistentHttp500_FailsAfterTheBoundedAttempts_WithAClearException()
    {
        _api = await AdminApiHarness.StartAsync(o => o.MaxAttempts = 3);
        _api.Fake.FailNext(FakeFault.Http500, count: 10);

        var error = Assert.ThrowsAsync<ShopifyTransientFailureException>(() => _api.ExecuteAsync(new CustomerByEmail("anna@example.com")));

        Assert.That(error!.Attempts, Is.EqualTo(3));
        Assert.That(error.LastFailure, Is.EqualTo("HTTP 500"));
        Assert.That(error.Message, Does.Contain("CustomerByEmail").And.Contain(AdminApiHarness.ShopA).And.Contain("3 attempt(s)"));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Hang_TimesOut_ThenIsRetried()
    {
        _api = await AdminApiHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        _api.A.AddCustomer("anna@example.com");
        await _api.ExecuteAsync(new CustomerByEmail("warm-up@example.com"));
        _api.Fake.FailNext(FakeFault.Hang);

        var customer = await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"));

        Assert.That(customer, Is.Not.Null);
        Assert.That(_api.Fake.Requests.Skip(1).Select(r => r.Fault), Is.EqualTo(new FakeFault?[] { FakeFault.Hang, null }));
        Assert.That(_api.Logs.Retries.Single().Failure, Does.StartWith("TimeoutRejectedException"));
    }

    [Test]
    public async Task Hang_OnStoreCredit_RaisesOutcomeUnknown_WithoutRetrying()
    {
        _api = await AdminApiHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.HangAfterApplying, operation: "storeCreditAccountCredit");

        Assert.ThrowsAsync<ShopifyOutcomeUnknownException>(() => _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR"))));

        // Shopify did apply it: a blind retry would have paid twice.
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
        Assert.That(_api.A.StoreCreditTransactions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task LostAnswer_OnAnIdempotentMutation_IsRetried_AndAppliesOnce()
    {
        _api = await AdminApiHarness.StartAsync();
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.Http502AfterApplying, operation: "tagsAdd");

        await _api.ExecuteAsync(new TagsAdd(anna, ["advocate"]));

        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(2));
        Assert.That(_api.A.TagsOf(anna), Is.EqualTo(new[] { "advocate" }));
    }

    [Test]
    public async Task Http502_OnStoreCredit_RaisesOutcomeUnknown_AfterOneRequest()
    {
        _api = await AdminApiHarness.StartAsync();
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.FailNext(FakeFault.Http502AfterApplying);

        var error = Assert.ThrowsAsync<ShopifyOutcomeUnknownException>(() => _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR"))));

        Assert.That(error!.Failure, Is.EqualTo("HTTP 502"));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RefusedConnection_IsRetried_EvenForStoreCredit_BecauseNothingWasSent()
    {
        var closed = await FakeShopifyAdminApi.StartAsync();
        var closedAddress = closed.BaseAddress;
        await closed.DisposeAsync();
        _api = await AdminApiHarness.StartAsync(o => (o.BaseAddress, o.MaxAttempts) = (closedAddress, 3));

        var error = Assert.ThrowsAsync<ShopifyTransientFailureException>(() =>
            _api.ExecuteAsync(new StoreCreditAccountCredit("gid://shopify/Customer/1", new Money(10m, "EUR"))));

        Assert.That(error!.Attempts, Is.EqualTo(3));
        Assert.That(error.LastFailure, Does.Contain("ConnectionError"));
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Unauthorized_RefreshesTheTokenOnce_AndRetriesWithTheNewOne()
    {
        _api = await AdminApiHarness.StartAsync();
        var anna = _api.A.AddCustomer("anna@example.com");
        _api.Fake.RequireToken(AdminApiHarness.ShopA, "shpat_fresh");
        _api.Tokens.SetRefreshedToken(AdminApiHarness.ShopA, "shpat_fresh");

        await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR")));
        await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"));

        Assert.That(_api.Fake.Requests.Select(r => (r.AccessToken, r.StatusCode)), Is.EqualTo(new[] { (AdminApiHarness.TokenA, 401), ("shpat_fresh", 200), ("shpat_fresh", 200) }));
        Assert.That(_api.Tokens.RefreshCount(AdminApiHarness.ShopA), Is.EqualTo(1));
        Assert.That(_api.A.StoreCreditTransactions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unauthorized_AfterTheRefresh_IsRejected_WithoutASecondRefresh()
    {
        _api = await AdminApiHarness.StartAsync();
        _api.Fake.RequireToken(AdminApiHarness.ShopA, "shpat_something_else");
        _api.Tokens.SetRefreshedToken(AdminApiHarness.ShopA, "shpat_fresh");

        var error = Assert.ThrowsAsync<ShopifyRequestRejectedException>(() => _api.ExecuteAsync(new CustomerByEmail("anna@example.com")));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(2));
        Assert.That(_api.Tokens.RefreshCount(AdminApiHarness.ShopA), Is.EqualTo(1));
    }

    [Test]
    public async Task Unauthorized_WithATokenThatCannotBeRefreshed_AsksToReconnect()
    {
        _api = await AdminApiHarness.StartAsync();
        _api.Fake.FailNext(FakeFault.Unauthorized);

        Assert.That(
            () => _api.ExecuteAsync(new CustomerByEmail("anna@example.com")),
            Throws.TypeOf<ShopifyAccessTokenUnavailableException>().With.Message.Contains("Reconnect the store"));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Http403_IsRejected_WithoutRetrying()
    {
        _api = await AdminApiHarness.StartAsync();
        _api.Fake.FailNext(FakeFault.Http403);

        var error = Assert.ThrowsAsync<ShopifyRequestRejectedException>(() => _api.ExecuteAsync(new CustomerByEmail("anna@example.com")));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(error.Message, Does.Contain("access scope"));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GraphQLErrors_AreRaised_WithoutRetrying()
    {
        _api = await AdminApiHarness.StartAsync();
        _api.Fake.FailNext(FakeFault.GraphQLError);

        var error = Assert.ThrowsAsync<ShopifyGraphQLErrorsException>(() => _api.ExecuteAsync(new CustomerByEmail("anna@example.com")));

        Assert.That(error!.Codes, Is.EqualTo(new[] { "ACCESS_DENIED" }));
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Cancellation_StopsAWaitingCall()
    {
        _api = await AdminApiHarness.StartAsync(configureFake: f => f.RetryAfter = TimeSpan.FromMinutes(5));
        _api.Fake.FailNext(FakeFault.Http429);
        using var cancel = new CancellationTokenSource();

        var call = _api.Client.ExecuteAsync(AdminApiHarness.ShopA, new CustomerByEmail("anna@example.com"), cancel.Token);
        await Polling.UntilAsync(() => _api.Logs.Retries.Count == 1);
        await cancel.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_api.Fake.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ShopDomain_MustBeAMyshopifyDomain()
    {
        _api = await AdminApiHarness.StartAsync();

        Assert.That(() => _api.ExecuteAsync(new CustomerByEmail("a@example.com"), "evil.example.com"), Throws.ArgumentException.With.Message.Contains("myshopify.com"));
        Assert.That(_api.Fake.Requests, Is.Empty);
    }

    private static bool SameError(ShopifyUserError a, ShopifyUserError b) =>
        a.Message == b.Message && a.Code == b.Code && a.Field.SequenceEqual(b.Field);
}
