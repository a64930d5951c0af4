namespace Referrals.Core.Contacts;

/// <summary>The relationship a contact has with the business, which decides how and why they are asked for referrals.</summary>
public enum ContactKind
{
    /// <summary>
    /// Someone who has bought or booked: a shopper or client. The main source of referrals, asked after a
    /// purchase, a delivery or a solved problem once they have said they are satisfied.
    /// </summary>
    Client = 0,

    /// <summary>
    /// A business or professional who serves the same customers without competing (an accountant for a
    /// lawyer, a florist for a wedding planner) and sends clients on a regular basis, often both ways.
    /// </summary>
    ReferralPartner = 1,

    /// <summary>
    /// Someone who knows many people and is trusted by them, but is not (yet) a client or partner:
    /// friends, family, club members, local figures. Kept informed so they think of the business.
    /// </summary>
    SphereOfInfluence = 2,
}
