using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Referrals.ShopifyBridge.Webhooks;

namespace Referrals.Benchmarks.Webhooks;

/// <summary>
/// The bridge's <c>ShopifyWebhookVerifier.Verify</c> on a 16 KB body (DESIGN §10: ≤ 20 μs): the usual case (signed with the
/// current secret, one HMAC) and the worst valid case during a secret rotation (signed with the previous secret, two HMACs).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class WebhookHmacBenchmarks
{
    private const int BodyBytes = 16 * 1024;
    private const string Current = "shpss_current_0123456789abcdef0123456789abcdef";
    private const string Previous = "shpss_previous_0123456789abcdef0123456789abcdef";
    private readonly ShopifyWebhookVerifier _verifier = new(Current, Previous);
    private byte[] _body = [];
    private string _signedWithCurrent = "";
    private string _signedWithPrevious = "";

    [GlobalSetup]
    public void SetUp()
    {
        // A JSON-looking body of exactly 16 KB: a repeated line item, padded.
        var text = new StringBuilder("{\"line_items\":[");
        while (text.Length < BodyBytes - 64)
        {
            text.Append("{\"id\":866550311766439020,\"title\":\"IPod Nano - 8GB\",\"price\":\"199.00\"},");
        }

        text.Append("{}]}");
        _body = Encoding.UTF8.GetBytes(text.ToString().PadRight(BodyBytes));
        _signedWithCurrent = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Current), _body));
        _signedWithPrevious = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Previous), _body));
        if (_body.Length != BodyBytes || _verifier.Verify(_body, _signedWithPrevious) != WebhookSignatureOutcome.ValidPreviousSecret)
        {
            throw new InvalidOperationException("The benchmark's body or signatures are wrong.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool CurrentSecret() => _verifier.Verify(_body, _signedWithCurrent).IsValid();

    [Benchmark]
    public bool PreviousSecretDuringRotation() => _verifier.Verify(_body, _signedWithPrevious).IsValid();
}
