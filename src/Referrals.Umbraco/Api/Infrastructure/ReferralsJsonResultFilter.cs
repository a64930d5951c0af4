using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>Writes our controllers' results with <see cref="ReferralsJson"/> (enums as strings) instead of the site's JSON settings.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ReferralsJsonResultFilter : Attribute, IResultFilter
{
    private static readonly SystemTextJsonOutputFormatter Formatter = new(ReferralsJson.Options);

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult result)
        {
            result.Formatters.Clear();
            result.Formatters.Add(Formatter);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
