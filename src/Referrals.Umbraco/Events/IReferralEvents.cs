namespace Referrals.Umbraco.Events;

/// <summary>
/// The site's way to tell the referral program what happened: call it from a form handler, a commerce package's
/// order event, or a controller. Resolve it from DI (singleton, thread-safe).
/// </summary>
public interface IReferralEvents
{
    /// <summary>
    /// Records a paid order by <paramref name="email"/> and converts the referral it belongs to: the given
    /// <paramref name="referralCode"/>, else the visitor's attribution cookie (when called inside a request), else an
    /// open invitation to the same e-mail. Pending rewards follow the program's settings (hold days, review).
    /// Idempotent per <paramref name="orderId"/>: a repeated call returns <see cref="ConversionStatus.AlreadyRecorded"/>.
    /// </summary>
    /// <param name="email">The buyer's e-mail address.</param>
    /// <param name="orderId">The order's id in the site (unique per site; at most 100 characters).</param>
    /// <param name="amount">The order total, greater than zero.</param>
    /// <param name="currency">ISO 4217 currency code, e.g. <c>EUR</c>.</param>
    /// <param name="referralCode">A referral code the buyer typed or the site captured; null to use the cookie.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What the program did with the order.</returns>
    /// <exception cref="ArgumentException">The e-mail, order id, amount or currency is not usable; nothing was recorded.</exception>
    Task<ConversionResult> RecordConversionAsync(string email, string orderId, decimal amount, string currency, string? referralCode = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a person signed up (became a member) and converts a sign-up referral: an open invitation to
    /// <paramref name="email"/>, else the referral code given or in the attribution cookie. A sign-up referral is
    /// marked Converted with revenue 0 and no reward; rewards come from orders. Idempotent per e-mail.
    /// </summary>
    /// <param name="email">The new member's e-mail address.</param>
    /// <param name="memberKey">The Umbraco member's key, when the sign-up made a member.</param>
    /// <param name="referralCode">A referral code the sign-up carried; null to use the cookie.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What the program did.</returns>
    /// <exception cref="ArgumentException">The e-mail is not an address.</exception>
    Task<ConversionResult> RecordSignUpAsync(string email, Guid? memberKey, string? referralCode = null, CancellationToken cancellationToken = default);
}
