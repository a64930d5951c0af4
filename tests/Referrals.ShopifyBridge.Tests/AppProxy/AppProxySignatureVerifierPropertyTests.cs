using System.Globalization;
using CsCheck;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

/// <summary>Properties of app-proxy signature verification over generated queries.</summary>
public sealed class AppProxySignatureVerifierPropertyTests
{
    private const string Secret = "proxy-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 25, 0, TimeSpan.Zero);
    private static readonly string[] SecurityParameters = ["signature", "shop", "timestamp", "logged_in_customer_id", "path_prefix"];

    private static readonly Gen<(string Key, string Value)[]> Extras =
        Gen.Select(Gen.String[Gen.Char["abcxyz_"], 1, 8], Gen.String[Gen.Char["abc 019&=%é"], 0, 10])
            .Where(p => !SecurityParameters.Contains(p.Item1))
            .Array[0, 6]
            .Select(a => a.DistinctBy(p => p.Item1, StringComparer.Ordinal).ToArray()); // a repeated key's values are signed in order, so only distinct keys may move

    [Test]
    public void TheOrderOfTheParameters_DoesNotMatter()
    {
        var verifier = new AppProxySignatureVerifier(Secret);
        Gen.Select(Extras, Gen.Int.Array[11]).Sample((extras, order) =>
        {
            var parameters = Signed(extras);
            var shuffled = parameters.Select((p, i) => (p, Rank: order[i % order.Length] ^ i)).OrderBy(x => x.Rank).Select(x => x.p);
            return verifier.Verify(Query(shuffled), Now, out var request) == AppProxyOutcome.Valid && request!.Shop == "acme.myshopify.com";
        }, iter: 1_000);
    }

    [Test]
    public void ADuplicatedSecurityParameter_IsRefused_EvenWhenTheSignatureCoversBothValues()
    {
        var verifier = new AppProxySignatureVerifier(Secret);
        Gen.Select(Extras, Gen.OneOfConst("shop", "timestamp", "logged_in_customer_id", "path_prefix"), Gen.String[Gen.Char["abc019."], 0, 20]).Sample((extras, name, value) =>
        {
            var parameters = Unsigned(extras).Append((name, value)).ToList();
            parameters.Add(("signature", ShopifyAppProxySigner.Sign(Secret, parameters)));
            return verifier.Verify(Query(parameters), Now, out var request, out var named) == AppProxyOutcome.Duplicated && request is null && named == name;
        }, iter: 1_000);
    }

    [Test]
    public void AMissingSecurityParameter_IsNamed_AndNothingElseIsReported()
    {
        var verifier = new AppProxySignatureVerifier(Secret);
        Gen.Select(Extras, Gen.OneOfConst("signature", "shop", "timestamp")).Sample((extras, name) =>
        {
            var parameters = Signed(extras).Where(p => p.Key != name);
            return verifier.Verify(Query(parameters), Now, out var request, out var named) == AppProxyOutcome.Missing && request is null && named == name;
        }, iter: 1_000);
    }

    [Test]
    public void ARefusal_NamesOnlyAKnownParameter_ForAnyQueryString()
    {
        var verifier = new AppProxySignatureVerifier(Secret);
        string?[] known = [null, "query", .. SecurityParameters];
        Gen.OneOf(Gen.String[0, 200], Gen.String[Gen.Char["?&=%signaturehopmyfy.c0123456789abcdef"], 0, 200]).Sample(query =>
        {
            verifier.Verify(query, Now, out _, out var named);
            return known.Contains(named);
        }, iter: 5_000);
    }

    [Test]
    public void AnyQueryString_NeverThrows_AndOnlyASignedOneIsValid()
    {
        var verifier = new AppProxySignatureVerifier(Secret);
        Gen.OneOf(Gen.String[0, 200], Gen.String[Gen.Char["?&=%signaturehopmyfy.c0123456789abcdef"], 0, 200]).Sample(query =>
            verifier.Verify(query, Now, out _) != AppProxyOutcome.Valid, iter: 5_000);
    }

    private static List<(string Key, string Value)> Unsigned((string Key, string Value)[] extras) =>
    [
        .. extras,
        ("shop", "acme.myshopify.com"),
        ("logged_in_customer_id", "42"),
        ("path_prefix", "/apps/referrals"),
        ("timestamp", Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ];

    private static List<(string Key, string Value)> Signed((string Key, string Value)[] extras)
    {
        var parameters = Unsigned(extras);
        parameters.Add(("signature", ShopifyAppProxySigner.Sign(Secret, parameters)));
        return parameters;
    }

    private static string Query(IEnumerable<(string Key, string Value)> parameters) =>
        "?" + string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
