namespace Referrals.Core.Privacy;

/// <summary>A refund of one of the contact's orders.</summary>
/// <param name="RefundId">The shop's refund id.</param>
/// <param name="Amount">The refunded amount.</param>
/// <param name="At">When.</param>
public sealed record ExportedRefund(string RefundId, ExportedMoney Amount, DateTimeOffset At);
