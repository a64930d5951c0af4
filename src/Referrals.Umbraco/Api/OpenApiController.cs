using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Referrals.Umbraco.Api.Infrastructure;

namespace Referrals.Umbraco.Api;

/// <summary>Serves the API's OpenAPI document, behind the same policies as the API.</summary>
[Route(RoutePrefix)]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class OpenApiController : ReferralsApiController
{
    private readonly IOpenApiDocumentProvider _documents;

    public OpenApiController([FromKeyedServices(ReferralsOpenApi.DocumentName)] IOpenApiDocumentProvider documents)
    {
        _documents = documents;
    }

    /// <summary>The OpenAPI 3.0 document.</summary>
    [HttpGet("openapi.json")]
    public async Task<ContentResult> Get(CancellationToken cancellationToken)
    {
        var document = await _documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0, cancellationToken);
        return Content(json, "application/json");
    }
}
