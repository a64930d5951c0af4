using System.Net;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>One bad request: how to send it, the status it must get, and a phrase the answer must contain (null when the answer carries no body by design).</summary>
/// <param name="Name">The test name's tail.</param>
/// <param name="Send">Sends the request to the bridge.</param>
/// <param name="Status">The expected status.</param>
/// <param name="Phrase">Text the response body must contain, or null.</param>
public sealed record BadRequest<TBridge>(string Name, Func<TBridge, Task<HttpResponseMessage>> Send, HttpStatusCode Status, string? Phrase)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
