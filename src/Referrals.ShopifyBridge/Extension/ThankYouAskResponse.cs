namespace Referrals.ShopifyBridge.Extension;

/// <summary>What the thank-you extension shows: the satisfaction question (if the buyer has an open ask for the order) and the buyer's referral link.</summary>
/// <param name="Order">The order id asked about.</param>
/// <param name="Rating">The rating prompt, or null when there is no open ask for the order.</param>
/// <param name="Referral">The buyer's referral link and the friend's offer, or null when the order or buyer is unknown.</param>
public sealed record ThankYouAskResponse(string Order, ThankYouRating? Rating, ThankYouReferral? Referral);

/// <summary>The rating prompt.</summary>
/// <param name="Question">The question, worded for the shop.</param>
/// <param name="Links">Eleven signed one-click links; the one at index <c>n</c> answers <c>n</c>.</param>
public sealed record ThankYouRating(string Question, IReadOnlyList<string> Links);

/// <summary>The buyer's referral link.</summary>
/// <param name="Code">Their code (also a discount code in the shop).</param>
/// <param name="Link">Their shareable storefront link.</param>
/// <param name="FriendOffer">What a friend gets, for example "10 EUR off their first order".</param>
public sealed record ThankYouReferral(string Code, string Link, string FriendOffer);
