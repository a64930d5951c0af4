namespace Referrals.Core.Asks;

/// <summary>Limits of an <see cref="AskTemplateRenderer"/>. Every default is a public constant.</summary>
public sealed class AskTemplateRendererOptions
{
    /// <summary>Default number of parsed templates kept: a few per tenant for many tenants.</summary>
    public const int DefaultMaxCachedTemplates = 512;

    /// <summary>Default most Liquid statements one rendering may execute: far above any real ask, low enough to stop a runaway loop.</summary>
    public const int DefaultMaxSteps = 10_000;

    /// <summary>How many parsed templates are kept; when full, the cache starts over. At least 1.</summary>
    public int MaxCachedTemplates { get; set; } = DefaultMaxCachedTemplates;

    /// <summary>The most Liquid statements one rendering may execute. At least 1.</summary>
    public int MaxSteps { get; set; } = DefaultMaxSteps;
}
