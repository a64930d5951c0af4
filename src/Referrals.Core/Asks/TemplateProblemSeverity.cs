namespace Referrals.Core.Asks;

/// <summary>How much a template validation problem matters.</summary>
public enum TemplateProblemSeverity
{
    /// <summary>The message cannot be sent as it is (broken Liquid, unknown variable, missing link): block saving.</summary>
    Error = 0,

    /// <summary>The message works but could ask better (a wording finding): show it; saving may go ahead.</summary>
    Warning,
}
