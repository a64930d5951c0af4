using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Contacts;
using Referrals.Core.Email;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Rewards;

namespace Referrals.Core;

/// <summary>The engine's one entry point for hosts.</summary>
public static class ReferralsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the referral engine: options from <paramref name="configuration"/> (the <c>Referrals</c> section, validated
    /// at start-up), storage, inbox and outbox processing, the reward ledger, and the job classes. Defaults are added
    /// with <c>TryAdd</c>, so a host may register its own <see cref="IRewardIssuer"/> or <see cref="TimeProvider"/> first.
    /// Hangfire itself (storage and server) is the host's to add.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The <c>Referrals</c> configuration section.</param>
    /// <param name="configure">Changes applied after binding, for example by tests.</param>
    public static IServiceCollection AddReferralsCore(this IServiceCollection services, IConfiguration configuration, Action<ReferralsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<ReferralsOptions>().Bind(configuration);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralsOptions>, ReferralsOptionsValidator>());
        services.AddOptions<ReferralCodeOptions>().Bind(configuration.GetSection("Codes")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralCodeOptions>, ReferralCodeOptionsValidator>());
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.AddOptions<BestCustomerScoringOptions>().Bind(configuration.GetSection("BestCustomer")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BestCustomerScoringOptions>, BestCustomerScoringOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => RandomNumberGenerator.Create());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ReferralsOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<ReferralsOptions>().Jobs);
        services.TryAddSingleton(sp => sp.GetRequiredService<ReferralsOptions>().Email);
        services.TryAddSingleton(sp => EmailSenderFactory.Create(sp.GetRequiredService<EmailOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<ReferralsOptions>().Links);
        services.TryAddSingleton<IReferralLinkBase, PublicReferralLinkBase>();
        services.TryAddSingleton(sp => new LinkSigningKey(sp.GetRequiredService<LinkOptions>(), sp.GetRequiredService<EmailOptions>()));
        services.TryAddSingleton<AskTemplateRenderer>(_ => new AskTemplateRenderer());
        services.TryAddSingleton(sp => new ReferralLookupCache(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ReferralsDbContextFactory(sp.GetRequiredService<ReferralsOptions>().Storage, sp.GetRequiredService<ReferralLookupCache>()));
        services.TryAddScoped(sp => sp.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReferralsDatabaseInitializer>());

        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<MessageQueue<InboxMessage>>();
        services.TryAddSingleton<MessageQueue<OutboxMessage>>();
        services.TryAddSingleton<InboxProcessor>();
        services.TryAddSingleton<OutboxProcessor>();
        services.TryAddSingleton(sp => new ReferralCodeAllocator(sp.GetRequiredService<RandomNumberGenerator>(), sp.GetRequiredService<IOptions<ReferralCodeOptions>>().Value));

        services.TryAddSingleton<IRewardIssuer, RecordOnlyRewardIssuer>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, RewardIssueHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, RewardClawBackHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, AskEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, ReferralAskEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, ThankYouEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, FriendConvertedEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, RewardIssuedEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, AdvocateNewsEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, IntroductionEmailHandler>());

        services.TryAddSingleton<ReferralVisits>();
        services.AddHostedService(sp => sp.GetRequiredService<ReferralVisits>());
        services.TryAddSingleton<TenantDirectory>();
        services.TryAddSingleton<ContactDirectory>();
        services.TryAddSingleton<AdvocateCodes>();
        services.TryAddSingleton<ContactMailer>();
        services.TryAddSingleton<StaffTasks>();
        services.TryAddSingleton<RewardLedger>();
        services.TryAddSingleton<ReviewQueue>();
        services.TryAddSingleton<ReferralInvitations>();
        services.TryAddSingleton<Introductions>();
        services.TryAddSingleton<AskScheduler>();
        services.TryAddSingleton<AskAnswers>();
        services.TryAddSingleton<AskDispatcher>();
        services.TryAddSingleton<AskTriggers>();
        services.TryAddSingleton<CadenceAsks>();
        services.TryAddSingleton<AdvocateNews>();
        services.TryAddSingleton<OrderEventProcessor>();
        services.TryAddSingleton<ContactPrivacy>();
        services.TryAddSingleton<FriendRetention>();
        services.TryAddSingleton<ReferralAnalytics>();
        services.TryAddSingleton<AnalyticsRollups>();

        services.TryAddSingleton<DrainNudge>();
        services.TryAddTransient<DrainInboxJob>();
        services.TryAddTransient<ProcessOutboxJob>();
        services.TryAddTransient<MatureRewardsJob>();
        services.TryAddTransient<SweeperJob>();
        services.TryAddTransient<DispatchDueAsksJob>();
        services.TryAddTransient<PlanCadenceAsksJob>();
        services.TryAddTransient<PlanAdvocateNewsJob>();
        services.TryAddTransient<EraseStaleFriendsJob>();
        services.TryAddTransient<RebuildAnalyticsRollupsJob>();
        return services;
    }
}
