namespace Referrals.Core.Tenants;

/// <summary>
/// One described kind of ideal client ("paint the picture" step of the ask): who they are, the situation they are in
/// and why they benefit. A program holds up to <see cref="ProgramSettings.MaxIdealClients"/>; an ask can be about one
/// ("Who do you know who has just bought a house?").
/// </summary>
public sealed class IdealClientProfile
{
    /// <summary>The longest <see cref="Name"/>, in characters.</summary>
    public const int MaxNameLength = 60;

    /// <summary>The longest <see cref="Who"/>, <see cref="Situation"/> or <see cref="Benefit"/>, in characters.</summary>
    public const int MaxTextLength = 300;

    /// <summary>A short name, unique in the program (case-insensitive), e.g. "New home owners"; asks refer to the profile by it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Who they are, as a phrase that follows "for", e.g. "families who have just moved in".</summary>
    public string Who { get; set; } = "";

    /// <summary>The situation they are in, as a phrase that follows "who", e.g. "has just bought a house".</summary>
    public string Situation { get; set; } = "";

    /// <summary>Why they benefit, as a sentence, e.g. "We sort out the garden before the first summer."</summary>
    public string Benefit { get; set; } = "";
}
