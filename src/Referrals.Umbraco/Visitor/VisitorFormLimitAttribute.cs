using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// Gives the visitor posts (refer-a-friend, rating, unsubscribe, introduction opt-out) clear refusals: a declared
/// <c>Content-Length</c> over <see cref="MaxBytes"/> gets a 413 page before anything reads the body (the antiforgery
/// check included, which would otherwise answer an empty 400); and a failed antiforgery check, whose own answer is an
/// empty 400, gets a page that says what to do.
/// Runs before every other authorization filter. Keep <c>[RequestSizeLimit]</c> beside it: that one caps chunked bodies.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class VisitorFormLimitAttribute : Attribute, IAsyncAuthorizationFilter, IAsyncAlwaysRunResultFilter, IOrderedFilter
{
    public VisitorFormLimitAttribute(int maxBytes)
    {
        MaxBytes = maxBytes;
    }

    /// <summary>The largest body accepted, in bytes.</summary>
    public int MaxBytes { get; }

    /// <summary>Before <c>[RequestSizeLimit]</c> (900) and the antiforgery check (1000).</summary>
    public int Order => -2000;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Request.ContentLength > MaxBytes)
        {
            context.Result = VisitorPage.Render("Form too large",
                $"<p>{VisitorPage.Encode(string.Create(CultureInfo.InvariantCulture, $"The form is larger than the {MaxBytes} bytes this page accepts. Nothing was saved. Go back and send a shorter form."))}</p>",
                StatusCodes.Status413PayloadTooLarge);
        }

        return Task.CompletedTask;
    }

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = VisitorPage.Render("Please try again",
                "<p>The form could not be accepted: it expired, did not come from this site, or could not be read (too large or malformed). "
                + "Nothing was saved. Open the page again and send the form once more.</p>",
                StatusCodes.Status400BadRequest);
        }

        return next();
    }
}
