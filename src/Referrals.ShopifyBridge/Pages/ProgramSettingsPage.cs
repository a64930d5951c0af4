using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Referrals.Core.Asks;
using Referrals.Core.Audit;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using static Referrals.ShopifyBridge.Pages.BridgePage;
using static Referrals.ShopifyBridge.Pages.ProgramSettingsForm;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// Edits a shop's <see cref="ProgramSettings"/>. A save is checked whole with <see cref="ProgramSettingsValidator"/>
/// (which includes the templates' Liquid checks); when anything is wrong nothing is saved and each problem is shown
/// next to its field. The wording check's findings are advice: shown next to each template, never blocking.
/// </summary>
internal static class ProgramSettingsPage
{
    public static async Task<IResult> RenderAsync(string shop, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var saved = context.Request.Query.ContainsKey("saved");
        return Page(context, antiforgery, tenant.Key, tenant.Settings, key => Read(tenant.Settings, key), [], saved, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(string shop, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ShopAccess.CheckFormAsync(context, antiforgery) is { } expired)
        {
            return expired;
        }

        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var (settings, problems, idealClientRows) = Bind(tenant.Settings, form);
        // A field that did not parse kept its stored value; the validator's word on that value would only confuse.
        var unparsed = problems.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(ProgramSettingsValidator.Validate(settings).Select(p => ForThisPage(ToFormRow(p, idealClientRows), settings)).Where(p => !unparsed.Contains(p.Key)));

        if (problems.Count > 0)
        {
            // Show what was typed, not what is stored, so nothing the merchant wrote is lost.
            // A step's picker shows the bound value: it follows a profile renamed in the same post.
            return Page(context, antiforgery, tenant.Key, settings, key => Kind(key) switch
            {
                ProgramSettingsForm.Input.Check => form[key] == "true" ? "true" : "false",
                ProgramSettingsForm.Input.IdealClient => Read(settings, key),
                _ => form[key].ToString(),
            },
                problems, saved: false, StatusCodes.Status422UnprocessableEntity);
        }

        tenant.Settings = settings;
        db.AuditLog.Add(new AuditEntry(tenant.Id, context.User.Identity?.Name ?? tenant.Key, "settings.update", $"tenant:{tenant.Key}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect(ShopPages.PathFor(tenant.Key, ShopPages.Settings) + "?saved=1");
    }

    private static ProgramSettingsForm.Input? Kind(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Input;

    // The validator speaks of settings keys; on this page a step names a profile that was just cleared (or never existed),
    // and the fix is the picker the problem sits under.
    private static SettingsProblem ForThisPage(SettingsProblem problem, ProgramSettings settings)
    {
        foreach (var trigger in AskSteps)
        {
            if (problem.Key == $"{ProgramSettingsValidator.Prefix}:{StepIdealClientKey(trigger)}")
            {
                var name = settings.Timeline.StepFor(trigger).IdealClientName;
                return problem with { Message = $"This step asks about '{name}', which is no longer one of your ideal-client profiles. Choose another profile, or None to ask about your ideal referral in general." };
            }
        }

        return problem;
    }

    private static string Read(ProgramSettings settings, string key) => Fields.Single(f => f.Key == key).Read(settings);

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string shop, ProgramSettings settings, Func<string, string> value,
        IReadOnlyList<SettingsProblem> problems, bool saved, int status)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unplaced = new List<SettingsProblem>();
        var keys = Fields.Select(f => f.Key).Concat(Groups.Select(g => g.Key).Where(k => k.Length > 0)).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            // Template errors are shown from the template check below, with their line and fix.
            var key = Relative(problem.Key);
            if (key.StartsWith("Templates:", StringComparison.Ordinal) && keys.Contains(key))
            {
                continue;
            }

            var target = Target(key, keys);
            if (target is null)
            {
                unplaced.Add(problem);
            }
            else
            {
                (byField.TryGetValue(target, out var list) ? list : byField[target] = []).Add(problem.Message);
            }
        }

        var templateFindings = TemplateValidation.Validate(settings.Templates, string.IsNullOrWhiteSpace(settings.Locale) ? WordingCheck.DefaultLocale : settings.Locale)
            .ToLookup(p => p.Template.Length == 0 ? "Templates" : $"Templates:{p.Template}");

        var html = new StringBuilder(ShopAccess.Navigation(shop, "Settings"));
        if (saved)
        {
            html.Append("<p class=\"ok\">Saved.</p>");
        }

        if (problems.Count > 0)
        {
            html.Append("<p class=\"error\" role=\"alert\">Nothing was saved: ").Append(problems.Count).Append(problems.Count == 1 ? " problem needs" : " problems need").Append(" fixing. Each is shown next to its field.</p>");
            foreach (var p in unplaced)
            {
                html.Append("<p class=\"problem\">").Append(E(p.Key)).Append(": ").Append(E(p.Message)).Append("</p>");
            }
        }

        html.Append("<form method=\"post\" action=\"").Append(E(ShopPages.PathFor(shop, ShopPages.Settings))).Append("\" novalidate>").Append(ShopAccess.TokenField(context, antiforgery));
        foreach (var group in Groups)
        {
            html.Append("<fieldset><legend>").Append(E(group.Title)).Append("</legend>");
            if (group.Key.Length > 0)
            {
                AppendProblems(html, byField, group.Key);
                foreach (var finding in templateFindings[group.Key])
                {
                    html.Append("<p class=\"finding\">").Append(E($"{finding.Message} {finding.Fix}")).Append("</p>");
                }
            }

            // Short fields (a few lines at most) sit side by side on a wide screen; templates take the whole width.
            var compact = group.Fields.All(f => f.Input is not ProgramSettingsForm.Input.Template);
            html.Append(compact ? "<div class=\"row\">" : "<div>");
            foreach (var field in group.Fields)
            {
                // Each field's problems and findings sit inside its cell, so they stay under it in the grid.
                AppendField(html, field, value(field.Key), settings);
                AppendProblems(html, byField, field.Key);
                foreach (var finding in templateFindings[field.Key])
                {
                    var where = finding.Line is { } line ? $"Line {line}: " : "";
                    html.Append("<p class=\"").Append(finding.Severity == TemplateProblemSeverity.Error ? "problem" : "finding").Append("\">")
                        .Append(E($"{where}{finding.Message} {finding.Fix}")).Append("</p>");
                }

                html.Append("</div>");
            }

            html.Append("</div></fieldset>");
        }

        html.Append("<button>Save settings</button></form>");
        return Render("Program settings", html.ToString(), status);
    }

    // Opens the field's cell; the caller closes it after the field's problems.
    private static void AppendField(StringBuilder html, Field field, string value, ProgramSettings settings)
    {
        var id = E("f-" + field.Key.Replace(':', '-'));
        var name = E(field.Key);
        html.Append("<div>");
        switch (field.Input)
        {
            case ProgramSettingsForm.Input.Check:
                html.Append("<label class=\"check\"><input type=\"checkbox\" name=\"").Append(name).Append("\" value=\"true\"").Append(value == "true" ? " checked" : "")
                    .Append('>').Append(E(field.Label)).Append("</label>");
                break;
            case ProgramSettingsForm.Input.Choice:
                html.Append("<label for=\"").Append(id).Append("\">").Append(E(field.Label)).Append("</label><select id=\"").Append(id).Append("\" name=\"").Append(name).Append("\">");
                foreach (var choice in field.Choices!)
                {
                    html.Append("<option").Append(choice == value ? " selected" : "").Append('>').Append(E(choice)).Append("</option>");
                }

                html.Append("</select>");
                break;
            case ProgramSettingsForm.Input.IdealClient:
                html.Append("<label for=\"").Append(id).Append("\">").Append(E(field.Label)).Append("</label><select id=\"").Append(id).Append("\" name=\"").Append(name).Append("\">");
                AppendOption(html, "", "None (in general)", value.Length == 0);
                var names = (settings.IdealClients ?? []).Where(p => p is not null && p.Name.Length > 0).Select(p => p.Name).ToList();
                foreach (var profile in names)
                {
                    AppendOption(html, profile, profile, string.Equals(profile, value, StringComparison.OrdinalIgnoreCase));
                }

                // A name no profile has any more stays visible (and chosen) until the merchant picks something else.
                if (value.Length > 0 && !names.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    AppendOption(html, value, $"{value} (removed)", selected: true);
                }

                html.Append("</select>");
                break;
            case ProgramSettingsForm.Input.Lines or ProgramSettingsForm.Input.Template:
                html.Append("<label for=\"").Append(id).Append("\">").Append(E(field.Label)).Append("</label><textarea id=\"").Append(id).Append("\" name=\"").Append(name)
                    .Append("\" rows=\"").Append(field.Input == ProgramSettingsForm.Input.Lines ? 3 : 8).Append("\">").Append(E(value)).Append("</textarea>");
                break;
            default:
                var mode = field.Input switch
                {
                    ProgramSettingsForm.Input.Number => " inputmode=\"numeric\"",
                    ProgramSettingsForm.Input.Decimal => " inputmode=\"decimal\"",
                    _ => "",
                };
                html.Append("<label for=\"").Append(id).Append("\">").Append(E(field.Label)).Append("</label><input id=\"").Append(id).Append("\" name=\"").Append(name)
                    .Append("\" value=\"").Append(E(value)).Append('"').Append(mode).Append('>');
                break;
        }

        if (field.Hint is not null)
        {
            html.Append("<p class=\"hint\">").Append(E(field.Hint)).Append("</p>");
        }
    }

    private static void AppendOption(StringBuilder html, string value, string text, bool selected) =>
        html.Append("<option value=\"").Append(E(value)).Append('"').Append(selected ? " selected" : "").Append('>').Append(E(text)).Append("</option>");

    private static void AppendProblems(StringBuilder html, Dictionary<string, List<string>> byField, string key)
    {
        if (byField.TryGetValue(key, out var messages))
        {
            foreach (var message in messages)
            {
                html.Append("<p class=\"problem\">").Append(E(message)).Append("</p>");
            }
        }
    }

    private static string Relative(string key) =>
        key.StartsWith(ProgramSettingsValidator.Prefix + ":", StringComparison.Ordinal) ? key[(ProgramSettingsValidator.Prefix.Length + 1)..] : key;

    // The field itself, or the nearest enclosing key that is shown (Causes:0:Id → Causes).
    private static string? Target(string key, HashSet<string> keys)
    {
        for (var k = key; k.Length > 0; k = k.Contains(':', StringComparison.Ordinal) ? k[..k.LastIndexOf(':')] : "")
        {
            if (keys.Contains(k))
            {
                return k;
            }
        }

        return null;
    }
}
