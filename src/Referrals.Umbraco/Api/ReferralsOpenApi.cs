using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Referrals.Umbraco.Api.Infrastructure;

namespace Referrals.Umbraco.Api;

/// <summary>The OpenAPI document of the backoffice API; every operation requires Umbraco's backoffice user.</summary>
internal static class ReferralsOpenApi
{
    /// <summary>The document's name (its keyed service key).</summary>
    public const string DocumentName = "referrals";

    /// <summary>The security scheme name Umbraco's own documents use for backoffice users.</summary>
    public const string SecuritySchemeName = "Backoffice-User";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        options.ShouldInclude = description =>
            description.RelativePath?.StartsWith(ReferralsApiController.RoutePrefix, StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Referrals backoffice API",
                Version = "v1",
                Description = "The Umbraco package's backoffice API. Contract: docs/umbraco-api.md.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Umbraco backoffice user (OpenIddict token; in Umbraco 17 the token travels in an HttpOnly cookie).",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/umbraco/management/api/v1/security/back-office/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/umbraco/management/api/v1/security/back-office/token", UriKind.Relative),
                    },
                },
            };
            foreach (var path in document.Paths.Values)
            {
                foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] }];
                }
            }

            return Task.CompletedTask;
        });
    }
}
