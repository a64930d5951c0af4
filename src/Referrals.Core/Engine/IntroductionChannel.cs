namespace Referrals.Core.Engine;

/// <summary>How an introduction was made.</summary>
public enum IntroductionChannel
{
    /// <summary>The business sends one introduction e-mail to the friend in the advocate's name.</summary>
    Email = 0,

    /// <summary>The advocate introduced the friend by phone; an editor records it, nothing is sent.</summary>
    Phone = 1,

    /// <summary>The advocate introduced the friend in person; an editor records it, nothing is sent.</summary>
    InPerson = 2,
}
