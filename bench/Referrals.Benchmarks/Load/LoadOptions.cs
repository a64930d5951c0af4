using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Load;

/// <summary>What the load command runs: databases, concurrency, phase length, open-loop rates, warm-up, and which bridge
/// phases (<c>ingest</c>, <c>drain</c>, <c>redirect</c>, <c>sustained</c>; the baselines always run), the sustained drain's size,
/// and where the bridge child runs from (a published copy of the bench, <see cref="BridgePublisher"/>, or null: this build output).</summary>
internal sealed record LoadOptions(IReadOnlyList<StorageProvider> Providers, int Connections, TimeSpan Duration, IReadOnlyList<double> Rates,
    TimeSpan WarmUp, IReadOnlySet<string> Phases, LoadCommand.SustainedDrain? Drain = null, string? BridgeDirectory = null);
