using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Satisfaction;
using Referrals.ShopifyBridge.Configuration;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// The storefront pages Shopify forwards through the app proxy (<c>https://{shop}/apps/referrals/…</c> →
/// <c>/shopify/proxy/…</c>): every request must carry a valid proxy signature (<see cref="AppProxySignatureVerifier"/>)
/// for a connected, active shop, else 401 (or 404 for an unknown shop).
/// </summary>
public static partial class AppProxyEndpoints
{
    private const string FallbackPrefix = "/" + StorefrontLinks.ProxyPrefix + "/" + StorefrontLinks.ProxySubpath;
    private const string RequestItem = "referrals.app-proxy";

    /// <summary>
    /// Maps <c>GET /shopify/proxy/r/{code}</c> (landing: records the visit, applies the friend's discount code),
    /// <c>GET|POST /shopify/proxy/rate/{token}</c> (rating: confirm, then record through <see cref="AskAnswers"/>) and
    /// <c>GET|POST /shopify/proxy/invite</c> ("Who do you know who…": a signed-in customer names a friend, writes a note
    /// and confirms the friend agreed; <see cref="Introductions.IntroduceAsync"/> then sends the friend one e-mail in the
    /// customer's name, unless the friend opted out or was introduced within the cool-down).
    /// </summary>
    public static IEndpointRouteBuilder MapShopifyAppProxy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(StorefrontLinks.ProxyTarget).AddEndpointFilter(VerifyAsync);
        group.MapGet("/r/{code}", LandAsync);
        group.MapGet("/rate/{token}", ConfirmRatingAsync);
        group.MapPost("/rate/{token}", RecordRatingAsync);
        group.MapGet("/invite", ShowInviteAsync);
        group.MapPost("/invite", InviteAsync);
        return endpoints;
    }

    private static async ValueTask<object?> VerifyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var shopify = services.GetRequiredService<IOptions<ShopifyOptions>>().Value;
        if (string.IsNullOrWhiteSpace(shopify.ClientSecret))
        {
            return Results.Problem("The app proxy is not configured: set Referrals:Shopify:ClientSecret.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var tolerance = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<AppProxyOptions>>().Value.TimestampToleranceSeconds);
        var verifier = new AppProxySignatureVerifier(shopify.ClientSecret, shopify.PreviousClientSecret, tolerance);
        var outcome = verifier.Verify(http.Request.QueryString.Value, services.GetRequiredService<TimeProvider>().GetUtcNow(), out var request, out var parameter);
        if (outcome != AppProxyOutcome.Valid)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AppProxyEndpoints))
                .LogWarning("App proxy request refused: {Outcome} ({Parameter})", outcome, parameter);
            return AppProxyProblems.Refused(outcome, parameter, tolerance);
        }

        // Cached per shop (ReferralLookupCache): an uninstall saved in this process refuses the next request.
        var tenantId = await services.GetRequiredService<ReferralLookupCache>()
            .FindActiveTenantAsync(services.GetRequiredService<ReferralsDbContextFactory>(), request!.Shop, http.RequestAborted);
        if (tenantId is not { } id)
        {
            return AppProxyProblems.ShopNotConnected();
        }

        http.Items[RequestItem] = new Verified(request, id);
        http.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }

    private static Verified Proxy(HttpContext http) => (Verified)http.Items[RequestItem]!;

    private static async Task<IResult> LandAsync(string code, HttpContext http, ReferralsDbContextFactory databases, ReferralLookupCache lookups,
        ReferralVisits visits, TimeProvider clock)
    {
        var proxy = Proxy(http);
        var found = await lookups.FindCodeAsync(databases, proxy.TenantId, code, http.RequestAborted);
        if (found is null)
        {
            return Results.Redirect("/"); // the shop's home, on the shop's own host: never an address from the request
        }

        if (proxy.Request.LoggedInCustomerId is { } customer)
        {
            // Queued, not awaited: the friend is redirected while the visit is written with others (ReferralVisits).
            await visits.RecordAsync(new ReferralVisit(proxy.TenantId, found.AdvocateContactId, ContactExternalId.Shopify, customer, clock.GetUtcNow()),
                http.RequestAborted);
        }

        // Shopify's /discount/{code} applies the code to the cart and then goes to the (relative) redirect.
        return Results.Redirect($"/discount/{Uri.EscapeDataString(found.Display)}?redirect=%2F");
    }

    private static IResult ConfirmRatingAsync(string token, HttpContext http, LinkSigningKey key, TimeProvider clock)
    {
        var proxy = Proxy(http);
        var verification = key.CreateRatingSigner().Verify(token, clock.GetUtcNow());
        if (verification.Token is not { } rating || rating.TenantId != proxy.TenantId)
        {
            return Page(AppProxyPages.Message("This link no longer works", "The rating link has expired or is not valid. Thank you all the same."));
        }

        return Page(AppProxyPages.ConfirmRating($"{Prefix(proxy)}/rate/{token}", rating.Score));
    }

    private static async Task<IResult> RecordRatingAsync(string token, HttpContext http, ReferralsDbContext db, LinkSigningKey key, AskAnswers answers, TimeProvider clock)
    {
        var proxy = Proxy(http);
        var now = clock.GetUtcNow();
        var verification = key.CreateRatingSigner().Verify(token, now);
        if (verification.Token is not { } rating || rating.TenantId != proxy.TenantId)
        {
            return Page(AppProxyPages.Message("This link no longer works", "The rating link has expired or is not valid. Thank you all the same."));
        }

        var result = await answers.RecordAsync(db, rating, now, http.RequestAborted);
        return result.Status switch
        {
            AskAnswerStatus.Recorded when result.Decision?.NextStep == GateNextStep.ReferralAsk => Page(AppProxyPages.Message(
                "Thank you, that means a lot to us",
                "Who do you know who would enjoy this too? Introduce them and they get a welcome offer.",
                $"{Prefix(proxy)}/invite", "Introduce a friend")),
            AskAnswerStatus.Recorded when result.Decision?.NextStep == GateNextStep.ServiceRecoveryTask => Page(AppProxyPages.Message(
                "Thank you for telling us", "We are sorry we fell short. Someone from our team will be in touch to put it right.")),
            AskAnswerStatus.Recorded => Page(AppProxyPages.Message("Thank you", "Your answer helps us do better.")),
            AskAnswerStatus.AlreadyAnswered => Page(AppProxyPages.Message("Thank you", "We already have your answer.")),
            _ => Page(AppProxyPages.Message("This link no longer works", "The rating link is not valid. Thank you all the same.")),
        };
    }

    private static IResult ShowInviteAsync(HttpContext http, LinkSigningKey key, IOptions<AppProxyOptions> options, TimeProvider clock)
    {
        var proxy = Proxy(http);
        if (proxy.Request.LoggedInCustomerId is not { } customer)
        {
            return Page(SignInFirst(proxy));
        }

        var token = new AppProxyFormToken(key.GetKey()).Create(proxy.Request.Shop, customer, clock.GetUtcNow().AddMinutes(options.Value.FormTokenLifetimeMinutes));
        return Page(AppProxyPages.InviteForm($"{Prefix(proxy)}/invite", token, error: null, input: null));
    }

    private static async Task<IResult> InviteAsync(HttpContext http, ReferralsDbContext db, LinkSigningKey key, Introductions introductions,
        AppProxyRateLimiter limiter, IOptions<AppProxyOptions> options, TimeProvider clock)
    {
        var proxy = Proxy(http);
        var limits = options.Value;
        if (proxy.Request.LoggedInCustomerId is not { } customer)
        {
            return Page(SignInFirst(proxy), StatusCodes.Status401Unauthorized);
        }

        if (!limiter.TryAcquire(proxy.Request.Shop, ClientAddress(http)))
        {
            return Page(AppProxyPages.Message("Please wait a little", "You have introduced several friends just now. Please try again later."), StatusCodes.Status429TooManyRequests);
        }

        if (!http.Request.HasFormContentType)
        {
            return AppProxyProblems.NotAForm();
        }

        if (http.Request.ContentLength is not { } length)
        {
            return AppProxyProblems.LengthRequired();
        }

        if (length > limits.MaxFormBytes)
        {
            return AppProxyProblems.FormTooLarge(limits.MaxFormBytes);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxFormBytes;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { ValueCountLimit = 16, ValueLengthLimit = limits.MaxFormBytes, KeyLengthLimit = 64 }, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return AppProxyProblems.FormTooLarge(limits.MaxFormBytes);
        }
        catch (InvalidDataException)
        {
            // More fields, or longer names, than the invite form has: not our form.
            return AppProxyProblems.MalformedForm();
        }

        var now = clock.GetUtcNow();
        var signing = new AppProxyFormToken(key.GetKey());
        if (!signing.IsValid(form["form_token"].ToString(), proxy.Request.Shop, customer, now))
        {
            return Page(AppProxyPages.Message("Please try again", "This form has expired. Open it again to introduce your friend.", $"{Prefix(proxy)}/invite", "Open the form"),
                StatusCodes.Status400BadRequest);
        }

        var typed = new AppProxyPages.InviteInput(
            Trimmed(form["friend_name"].ToString(), 100), Trimmed(form["friend_email"].ToString(), 254), form["note"].ToString().Trim());
        var freshToken = signing.Create(proxy.Request.Shop, customer, now.AddMinutes(limits.FormTokenLifetimeMinutes));
        IResult Retry(string error) => Page(AppProxyPages.InviteForm($"{Prefix(proxy)}/invite", freshToken, error, typed), StatusCodes.Status400BadRequest);
        var permission = form["permission"].ToString() == "yes";
        if (!permission)
        {
            return Retry("Please confirm that your friend agreed to be introduced.");
        }

        var advocateId = await ContactIdAsync(db, proxy, http.RequestAborted);
        var advocate = advocateId is null ? null : await db.Contacts.FirstOrDefaultAsync(c => c.Id == advocateId, http.RequestAborted);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == proxy.TenantId, http.RequestAborted);
        if (advocate is null || advocate.RedactedAt is not null)
        {
            return Page(AppProxyPages.Message("We don't know you yet", "Introductions open after your first order with us. Thank you for thinking of us!"), StatusCodes.Status403Forbidden);
        }

        // One introduction e-mail in the advocate's name; the engine applies the friend's opt-out and the cool-down.
        var result = await introductions.IntroduceAsync(db, tenant, advocate, typed.FriendName, typed.FriendEmail, typed.Note, permission,
            IntroductionChannel.Email, http.RequestAborted);
        return result.Status switch
        {
            IntroductionStatus.Queued or IntroductionStatus.Recorded => Page(AppProxyPages.Message(
                "Thank you for the introduction", "We will send your friend one e-mail in your name, with your note and their welcome offer.", $"{Prefix(proxy)}/invite", "Introduce someone else")),
            IntroductionStatus.InvalidEmail => Retry("Please enter your friend's e-mail address (not your own)."),
            IntroductionStatus.NoteTooLong => Retry($"Please keep your note to {Introductions.MaxNoteLength} characters."),
            IntroductionStatus.PermissionMissing => Retry("Please confirm that your friend agreed to be introduced."),
            // One answer for both, so an advocate cannot learn whether a friend opted out.
            _ => Page(AppProxyPages.Message(
                "Thank you for thinking of them", "We have been in touch with your friend before, so we will not e-mail them again now.", $"{Prefix(proxy)}/invite", "Introduce someone else")),
        };
    }

    private static async Task<Guid?> ContactIdAsync(ReferralsDbContext db, Verified proxy, CancellationToken cancellationToken)
    {
        if (proxy.Request.LoggedInCustomerId is not { } customer)
        {
            return null;
        }

        return await db.ContactExternalIds.AsNoTracking()
            .Where(x => x.TenantId == proxy.TenantId && x.System == ContactExternalId.Shopify && x.Value == customer)
            .Select(x => (Guid?)x.ContactId).FirstOrDefaultAsync(cancellationToken);
    }

    private static string SignInFirst(Verified proxy) => AppProxyPages.Message(
        "Please sign in", "Sign in to your account to introduce a friend.", $"/account/login?return_url={Uri.EscapeDataString(Prefix(proxy) + "/invite")}", "Sign in");

    // The storefront prefix the visitor used (signed by Shopify), when it has the proxy's shape; else the default.
    private static string Prefix(Verified proxy) =>
        proxy.Request.PathPrefix is { } prefix && PrefixPattern().IsMatch(prefix) ? prefix : FallbackPrefix;

    // Shopify passes the visitor's address in X-Forwarded-For; the first entry is the visitor.
    private static string ClientAddress(HttpContext http)
    {
        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString();
        var first = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static string? Trimmed(string value, int max)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Text(html, AppProxyPages.ContentType, System.Text.Encoding.UTF8, status);

    [GeneratedRegex(@"^/(apps|a|community|tools)/[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    private sealed record Verified(AppProxyRequest Request, Guid TenantId);
}
