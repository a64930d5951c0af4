namespace Referrals.Core.Fraud;

/// <summary>
/// The program's fraud settings: the velocity limit and what each signal does. Every instance is valid:
/// invalid values throw <see cref="ArgumentOutOfRangeException"/> when they are set.
/// </summary>
public sealed record FraudPolicy
{
    /// <summary>The default <see cref="VelocityWindow"/> in hours: 24.</summary>
    public const int DefaultVelocityWindowHours = 24;

    /// <summary>The default <see cref="VelocityWindow"/>: <see cref="DefaultVelocityWindowHours"/> hours.</summary>
    public static readonly TimeSpan DefaultVelocityWindow = TimeSpan.FromHours(DefaultVelocityWindowHours);

    /// <summary>The default <see cref="VelocityLimit"/>: 5 converted referrals per window.</summary>
    public const int DefaultVelocityLimit = 5;

    /// <summary>The default <see cref="SameEmailAction"/>: reject, the friend is the advocate.</summary>
    public const FraudSignalAction DefaultSameEmailAction = FraudSignalAction.Reject;

    /// <summary>The default <see cref="SameCustomerIdAction"/>: reject, the friend is the advocate.</summary>
    public const FraudSignalAction DefaultSameCustomerIdAction = FraudSignalAction.Reject;

    /// <summary>The default <see cref="SameAddressAction"/>: flag, since households legitimately share an address.</summary>
    public const FraudSignalAction DefaultSameAddressAction = FraudSignalAction.Flag;

    /// <summary>The default <see cref="SamePhoneAction"/>: flag, since households may share a phone.</summary>
    public const FraudSignalAction DefaultSamePhoneAction = FraudSignalAction.Flag;

    /// <summary>The default <see cref="SameDeviceAction"/>: flag, since shared networks and computers exist.</summary>
    public const FraudSignalAction DefaultSameDeviceAction = FraudSignalAction.Flag;

    /// <summary>The default <see cref="VelocityExceededAction"/>: flag, a popular advocate is not a fraudster.</summary>
    public const FraudSignalAction DefaultVelocityExceededAction = FraudSignalAction.Flag;

    /// <summary>
    /// The span the caller counts an advocate's converted referrals over
    /// (<see cref="FraudCheckInput.AdvocateReferralsInWindow"/>); the checker itself does not read it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan VelocityWindow
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(VelocityWindow),
                    value,
                    "The fraud velocity window must be positive, for example 24 hours; it is the span an advocate's converted referrals are counted over.");
            }

            field = value;
        }
    } = DefaultVelocityWindow;

    /// <summary>
    /// How many converted referrals one advocate may have in <see cref="VelocityWindow"/>, this one included;
    /// one more fires <see cref="FraudReason.VelocityExceeded"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int VelocityLimit
    {
        get;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(VelocityLimit),
                    value,
                    "The fraud velocity limit must be at least 1 referral per window; to switch the check off set VelocityExceededAction to Ignore.");
            }

            field = value;
        }
    } = DefaultVelocityLimit;

    /// <summary>What a friend with the advocate's normalized e-mail does (<see cref="FraudReason.SelfReferralEmail"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FraudSignalAction"/>.</exception>
    public FraudSignalAction SameEmailAction { get; init => field = Defined(value, nameof(SameEmailAction)); } = DefaultSameEmailAction;

    /// <summary>What a friend with the advocate's customer id does (<see cref="FraudReason.SelfReferralCustomerId"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FraudSignalAction"/>.</exception>
    public FraudSignalAction SameCustomerIdAction { get; init => field = Defined(value, nameof(SameCustomerIdAction)); } = DefaultSameCustomerIdAction;

    /// <summary>What a friend with the advocate's address fingerprint does (<see cref="FraudReason.SharedAddress"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FraudSignalAction"/>.</exception>
    public FraudSignalAction SameAddressAction { get; init => field = Defined(value, nameof(SameAddressAction)); } = DefaultSameAddressAction;

    /// <summary>What a friend with the advocate's normalized phone does (<see cref="FraudReason.SharedPhone"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FraudSignalAction"/>.</exception>
    public FraudSignalAction SamePhoneAction { get; init => field = Defined(value, nameof(SamePhoneAction)); } = DefaultSamePhoneAction;

    /// <summary>
    /// What a friend with the advocate's IP address and user agent (both known on both sides) does
    /// (<see cref="FraudReason.SharedDevice"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FraudSignalAction"/>.</exception>
    public FraudSignalAction SameDeviceAction { get; init => field = Defined(value, nameof(SameDeviceAction)); } = DefaultSameDeviceAction;

    /// <summary>What exceeding <see cref="VelocityLimit"/> does (<see cref="FraudReason.VelocityExceeded"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FraudSignalAction"/>.</exception>
    public FraudSignalAction VelocityExceededAction { get; init => field = Defined(value, nameof(VelocityExceededAction)); } = DefaultVelocityExceededAction;

    /// <summary>The action configured for <paramref name="reason"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined <see cref="FraudReason"/>.</exception>
    public FraudSignalAction ActionFor(FraudReason reason) => reason switch
    {
        FraudReason.SelfReferralEmail => SameEmailAction,
        FraudReason.SelfReferralCustomerId => SameCustomerIdAction,
        FraudReason.SharedAddress => SameAddressAction,
        FraudReason.SharedPhone => SamePhoneAction,
        FraudReason.SharedDevice => SameDeviceAction,
        FraudReason.VelocityExceeded => VelocityExceededAction,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown fraud reason."),
    };

    private static FraudSignalAction Defined(FraudSignalAction value, string name) =>
        Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The fraud policy's {name} must be Ignore, Flag or Reject.");
}
