using System.Net;

namespace Referrals.ShopifyBridge.Tests.Pages;

/// <summary>Reads the server-rendered merchant forms back: their fields, and the problems or findings shown under a field.</summary>
internal static class MerchantForms
{
    // Every named input, select and textarea of a server-rendered form with its current value (checkboxes when checked).
    public static Dictionary<string, string> Fields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input (?:id=\"[^\"]*\" )?name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]*)\"(?<rest>[^>]*)>"))
        {
            fields[WebUtility.HtmlDecode(m.Groups["n"].Value)] = WebUtility.HtmlDecode(m.Groups["v"].Value);
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"checkbox\" name=\"(?<n>[^\"]+)\" value=\"true\" checked>"))
        {
            fields[WebUtility.HtmlDecode(m.Groups["n"].Value)] = "true";
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select id=\"[^\"]*\" name=\"(?<n>[^\"]+)\">(?<o>.*?)</select>"))
        {
            // An option posts its value attribute when it has one, else its text.
            var selected = System.Text.RegularExpressions.Regex.Match(m.Groups["o"].Value, "<option(?: value=\"(?<a>[^\"]*)\")? selected>(?<v>[^<]*)</option>");
            fields[WebUtility.HtmlDecode(m.Groups["n"].Value)] = WebUtility.HtmlDecode(selected.Groups["a"].Success ? selected.Groups["a"].Value : selected.Groups["v"].Value);
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<textarea id=\"[^\"]*\" name=\"(?<n>[^\"]+)\"[^>]*>(?<v>.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            fields[WebUtility.HtmlDecode(m.Groups["n"].Value)] = WebUtility.HtmlDecode(m.Groups["v"].Value);
        }

        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    // The options of the select with id f-{id}: (value, text, selected).
    public static IReadOnlyList<(string Value, string Text, bool Selected)> Options(string html, string id)
    {
        var select = System.Text.RegularExpressions.Regex.Match(html, $"<select id=\"f-{System.Text.RegularExpressions.Regex.Escape(id)}\"[^>]*>(?<o>.*?)</select>");
        Assert.That(select.Success, Is.True, $"select {id} is on the page");
        return System.Text.RegularExpressions.Regex.Matches(select.Groups["o"].Value, "<option value=\"(?<a>[^\"]*)\"(?<s> selected)?>(?<v>[^<]*)</option>")
            .Select(m => (WebUtility.HtmlDecode(m.Groups["a"].Value), WebUtility.HtmlDecode(m.Groups["v"].Value), m.Groups["s"].Success)).ToList();
    }

    // The problems rendered right after the field with id f-{id}, up to the next field.
    public static string ProblemAfter(string html, string id) => After(html, id, "problem");

    public static string FindingAfter(string html, string id) => After(html, id, "finding");

    private static string After(string html, string id, string cssClass)
    {
        var start = html.IndexOf($"id=\"f-{id}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"field {id} is on the page");
        var next = html.IndexOf("<label", start + 1, StringComparison.Ordinal);
        var section = next < 0 ? html[start..] : html[start..next];
        var found = System.Text.RegularExpressions.Regex.Matches(section, $"<p class=\"{cssClass}\">(?<t>[^<]*)</p>");
        return string.Join(" | ", found.Select(m => WebUtility.HtmlDecode(m.Groups["t"].Value)));
    }
}
