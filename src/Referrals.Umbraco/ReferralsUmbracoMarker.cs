namespace Referrals.Umbraco;

/// <summary>
/// Identifies the Umbraco package assembly. The composer, backoffice API and client arrive with the Umbraco issue.
/// </summary>
public static class ReferralsUmbracoMarker
{
    /// <summary>The alias of the backoffice section the package adds.</summary>
    public const string SectionAlias = "Referrals.Section";
}
