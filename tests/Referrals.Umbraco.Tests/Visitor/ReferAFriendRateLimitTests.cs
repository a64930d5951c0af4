using System.Net;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Visitor;

/// <summary>The refer-a-friend form's per-address limit (its own site, so other tests do not use up the window).</summary>
public sealed class ReferAFriendRateLimitTests
{
    [Test]
    public async Task Post_Answers429_OnceTheAddressUsedUpItsWindow()
    {
        await using var site = await UmbracoTestSite.StartAsync(s =>
        {
            s["Referrals:Umbraco:ReferFormPermitLimit"] = "2";
            s["Referrals:Umbraco:ReferFormWindowMinutes"] = "60";
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await ReferAFriendTests.PostWithTokenAsync(site,
                ReferAFriendTests.Fields($"adv{i}@limit.example", $"friend{i}@limit.example", permission: true));
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests }));
    }
}
