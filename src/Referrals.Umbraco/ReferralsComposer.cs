using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;

namespace Referrals.Umbraco;

/// <summary>Umbraco finds this composer by scanning and calls <see cref="ReferralsUmbracoBuilderExtensions.AddReferrals"/>.</summary>
public sealed class ReferralsComposer : IComposer
{
    /// <inheritdoc />
    public void Compose(IUmbracoBuilder builder) => builder.AddReferrals();
}
