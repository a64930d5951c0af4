namespace Referrals.Core.Asks;

/// <summary>What is wrong with a template, or with the values given to render it.</summary>
public enum TemplateProblemKind
{
    /// <summary>The template is not valid Liquid; the problem has the line and column Fluid reported.</summary>
    ParseError = 0,

    /// <summary>The template uses a variable that is neither documented nor assigned in the template.</summary>
    UnknownVariable,

    /// <summary>The template uses a filter Fluid does not have.</summary>
    UnknownFilter,

    /// <summary>The template uses a tag ask templates cannot use (<c>include</c>, <c>render</c>, <c>macro</c>, <c>from</c>).</summary>
    UnsupportedTag,

    /// <summary>The template is null, empty or only white space.</summary>
    EmptyTemplate,

    /// <summary>The template does not use a variable its message cannot work without (e.g. rating links in the satisfaction e-mail).</summary>
    MissingRequiredVariable,

    /// <summary>The template uses a known variable, but no value was given for it.</summary>
    MissingValue,

    /// <summary>A value was given but cannot be used (a relative link, not eleven rating links).</summary>
    InvalidValue,

    /// <summary>Rendering failed for another reason (for example too many loop steps, or the current date was used).</summary>
    RenderError,
}
