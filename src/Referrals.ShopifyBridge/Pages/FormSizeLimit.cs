using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// Caps the form posts of the bridge's own pages (sign-in, custom-app connect, merchant pages) before anything reads
/// them, the antiforgery check included: a declared <c>Content-Length</c> over the cap is refused with 413 before a
/// byte is read; otherwise the server's body limit is lowered to the cap and the form is read with field limits, so a
/// longer chunked body, a huge field or thousands of fields also end in a clear 413 page instead of a 500. Nothing
/// is stored when the form is refused, because every handler reads the form before it writes.
/// </summary>
internal static class FormSizeLimit
{
    /// <summary>The cap of the sign-in and sign-out forms: 16 KiB (a password and a return path).</summary>
    public const int LoginMaxBytes = 16 * 1024;

    /// <summary>The cap of the merchant pages' and the custom-app form: 256 KiB (program settings carry e-mail templates).</summary>
    public const int PageMaxBytes = 256 * 1024;

    private const int MaxFields = 512;
    private const int MaxKeyLength = 256;

    /// <summary>Adds the cap to <paramref name="builder"/>'s endpoints.</summary>
    /// <param name="builder">The POST endpoint (or group).</param>
    /// <param name="maxBytes">The largest body accepted.</param>
    public static TBuilder WithFormSizeLimit<TBuilder>(this TBuilder builder, int maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.ContentLength > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = maxBytes;
            }

            if (http.Request.HasFormContentType)
            {
                // Every later ReadFormAsync (the antiforgery check's and the handler's) uses these limits.
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    ValueCountLimit = MaxFields,
                    KeyLengthLimit = MaxKeyLength,
                    ValueLengthLimit = maxBytes,
                    MultipartBodyLengthLimit = maxBytes,
                    MultipartHeadersLengthLimit = 16 * 1024,
                }));
            }

            try
            {
                return await next(context);
            }
            catch (Exception ex) when (IsOverLimit(ex))
            {
                return TooLarge(maxBytes);
            }
        });
        return builder;
    }

    // The form reader's limits throw InvalidDataException, the server's body limit a 413 BadHttpRequestException;
    // the antiforgery check wraps either in its own exception.
    private static bool IsOverLimit(Exception ex) => ex switch
    {
        InvalidDataException => true,
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        AntiforgeryValidationException { InnerException: { } inner } => IsOverLimit(inner),
        _ => false,
    };

    private static IResult TooLarge(int maxBytes) => BridgePage.Error(
        "Form too large",
        string.Create(CultureInfo.InvariantCulture, $"The form is larger than the {maxBytes / 1024} KiB this page accepts, or has too many fields. Nothing was saved. Open the page again and send a shorter form."),
        StatusCodes.Status413PayloadTooLarge);
}
