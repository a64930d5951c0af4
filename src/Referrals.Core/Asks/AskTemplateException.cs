namespace Referrals.Core.Asks;

/// <summary>Thrown when an ask template cannot be rendered: it is broken, or a value it needs is missing or unusable.</summary>
public sealed class AskTemplateException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">At least one problem.</param>
    /// <param name="innerException">The Fluid exception behind a <see cref="TemplateProblemKind.RenderError"/>, if any.</param>
    public AskTemplateException(IReadOnlyList<TemplateProblem> problems, Exception? innerException = null)
        : base(
            "The ask template cannot be rendered:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)),
            innerException)
    {
        Problems = problems;
    }

    /// <summary>Each problem, with its location and fix.</summary>
    public IReadOnlyList<TemplateProblem> Problems { get; }
}
