namespace Referrals.Core.Asks;

/// <summary>How a person asks when a timeline step's channel is <see cref="AskChannel.Task"/>.</summary>
public enum AskTaskKind
{
    /// <summary>A phone call.</summary>
    Call = 0,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>In a meeting.</summary>
    Meeting,
}
