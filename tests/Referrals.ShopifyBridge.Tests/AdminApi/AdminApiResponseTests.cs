using System.Net;
using System.Text;
using Referrals.ShopifyBridge.AdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

public sealed class AdminApiResponseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [TestCase("2.0", 2000)]
    [TestCase("0.25", 250)]
    [TestCase("3", 3000)]
    [TestCase("-1", 0)]
    public void RetryAfter_IsReadAsSeconds_FractionsIncluded(string header, int expectedMs)
    {
        Assert.That(AdminApiResponse.ParseRetryAfter(Headers(("Retry-After", header)), Now), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [Test]
    public void RetryAfter_IsReadAsAnHttpDate()
    {
        Assert.That(AdminApiResponse.ParseRetryAfter(Headers(("Retry-After", "Mon, 02 Nov 2026 09:00:07 GMT")), Now), Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [TestCase(null)]
    [TestCase("soon")]
    public void RetryAfter_IsNull_WhenAbsentOrUnreadable(string? header)
    {
        var headers = header is null ? Headers() : Headers(("Retry-After", header));
        Assert.That(AdminApiResponse.ParseRetryAfter(headers, Now), Is.Null);
    }

    [Test]
    public void Throttled_IsRecognisedInsideHttp200_WithItsCost()
    {
        const string Body = """
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],
             "extensions":{"cost":{"requestedQueryCost":202,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":1,"restoreRate":50.0}}}}
            """;

        var response = AdminApiResponse.From(HttpStatusCode.OK, Headers(), Encoding.UTF8.GetBytes(Body), Now);

        Assert.That(response.Kind, Is.EqualTo(AdminApiResponseKind.Throttled));
        Assert.That(response.Cost, Is.EqualTo(new ShopifyQueryCost(202, null, new ShopifyThrottleStatus(1000, 1, 50))));
    }

    [TestCase(HttpStatusCode.TooManyRequests, "{}", nameof(AdminApiResponseKind.TooManyRequests))]
    [TestCase(HttpStatusCode.Unauthorized, "{\"errors\":\"[API] Invalid API key\"}", nameof(AdminApiResponseKind.Unauthorized))]
    [TestCase(HttpStatusCode.BadGateway, "<html>", nameof(AdminApiResponseKind.ServerError))]
    [TestCase(HttpStatusCode.OK, "<html>", nameof(AdminApiResponseKind.ServerError))]
    [TestCase(HttpStatusCode.PaymentRequired, "{\"errors\":\"Unavailable Shop\"}", nameof(AdminApiResponseKind.Rejected))]
    [TestCase(HttpStatusCode.NotFound, "", nameof(AdminApiResponseKind.Rejected))]
    [TestCase(HttpStatusCode.OK, "{\"data\":{\"x\":1},\"extensions\":{}}", nameof(AdminApiResponseKind.Completed))]
    public void Responses_AreClassifiedForRetrying(HttpStatusCode status, string body, string expected)
    {
        Assert.That(AdminApiResponse.From(status, Headers(), Encoding.UTF8.GetBytes(body), Now).Kind.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void GraphQLErrors_KeepTheirMessagesAndCodes()
    {
        const string Body = """{"errors":[{"message":"Access denied for customers field.","extensions":{"code":"ACCESS_DENIED"}}],"data":null}""";

        var response = AdminApiResponse.From(HttpStatusCode.OK, Headers(), Encoding.UTF8.GetBytes(Body), Now);

        Assert.That(response.Kind, Is.EqualTo(AdminApiResponseKind.Completed));
        Assert.That(response.Errors, Is.EqualTo(new (string, string?)[] { ("Access denied for customers field.", "ACCESS_DENIED") }));
        Assert.That(response.Data, Is.Null);
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message.Headers;
    }
}
