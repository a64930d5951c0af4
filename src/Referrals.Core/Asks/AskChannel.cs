namespace Referrals.Core.Asks;

/// <summary>How an ask reaches the contact.</summary>
public enum AskChannel
{
    /// <summary>An e-mail with the satisfaction question; needs the contact's marketing consent.</summary>
    Email = 0,

    /// <summary>On the business's own site or shop (for example the order-status page); needs no e-mail consent.</summary>
    OnSite,

    /// <summary>A task for a person: a call, a letter or a meeting; needs no e-mail consent.</summary>
    Task,
}
