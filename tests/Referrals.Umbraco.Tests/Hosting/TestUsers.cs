using System.Diagnostics.CodeAnalysis;
using System.Security.Principal;
using Referrals.Umbraco.Security;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Models.Membership.Permissions;
using Umbraco.Cms.Core.Security.Authorization;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>Backoffice users of the test host: real Umbraco <see cref="User"/> objects in real groups.</summary>
public static class TestUsers
{
    /// <summary>A user whose group allows the Referrals section.</summary>
    public const string Editor = "editor";

    /// <summary>A signed-in user whose groups allow only Content.</summary>
    public const string Writer = "writer";

    public static IUser Create(string name, params string[] sections)
    {
        var user = new User(new GlobalSettings(), name, $"{name}@example.com", name, "not-a-password");
        user.AddGroup(new ReadOnlyUserGroup(1, Guid.NewGuid(), "Group of " + name, null, null, null, null, "group-" + name, [], sections,
            new HashSet<string>(), new HashSet<IGranularPermission>(), true));
        return user;
    }

    /// <summary>Resolves principals to the two users, as Umbraco's helper resolves them to stored users.</summary>
    public sealed class AuthorizationHelper : IAuthorizationHelper
    {
        private readonly Dictionary<string, IUser> _users = new(StringComparer.Ordinal)
        {
            [Editor] = Create(Editor, "content", ReferralsPolicies.SectionAlias),
            [Writer] = Create(Writer, "content"),
        };

        public IUser GetUmbracoUser(IPrincipal currentUser) =>
            TryGetUmbracoUser(currentUser, out var user) ? user : throw new InvalidOperationException("Not a backoffice user.");

        public bool TryGetUmbracoUser(IPrincipal currentUser, [NotNullWhen(true)] out IUser? user)
        {
            user = null;
            return currentUser.Identity?.Name is { } name && _users.TryGetValue(name, out user);
        }
    }
}
