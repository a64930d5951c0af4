using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>Binds a parameter from the JSON body with the API's own JSON settings (<see cref="ReferralsJson"/>).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class FromReferralsBodyAttribute : ModelBinderAttribute
{
    public FromReferralsBodyAttribute()
        : base(typeof(ReferralsJsonBodyBinder))
    {
        BindingSource = BindingSource.Body;
    }
}
