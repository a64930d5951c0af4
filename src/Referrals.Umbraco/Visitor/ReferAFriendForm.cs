namespace Referrals.Umbraco.Visitor;

/// <summary>The refer-a-friend form's fields.</summary>
public sealed class ReferAFriendForm
{
    /// <summary>The advocate's own e-mail address.</summary>
    public string? AdvocateEmail { get; set; }

    /// <summary>The advocate's name (optional).</summary>
    public string? AdvocateName { get; set; }

    /// <summary>The friend's name (optional).</summary>
    public string? FriendName { get; set; }

    /// <summary>The friend's e-mail address.</summary>
    public string? FriendEmail { get; set; }

    /// <summary>The advocate confirms the friend agreed to hear from the site.</summary>
    public bool Permission { get; set; }
}
