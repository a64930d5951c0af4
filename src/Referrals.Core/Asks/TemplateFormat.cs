namespace Referrals.Core.Asks;

/// <summary>How a template's output is used, which decides how values are escaped.</summary>
public enum TemplateFormat
{
    /// <summary>An HTML body: every printed value is HTML-encoded (<c>&lt;</c> becomes <c>&amp;lt;</c>).</summary>
    Html = 0,

    /// <summary>Plain text (a text body, a subject line, a task): values are printed as they are.</summary>
    Text,
}
