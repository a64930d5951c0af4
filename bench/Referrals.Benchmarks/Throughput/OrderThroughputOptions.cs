using System.Globalization;
using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Throughput;

/// <summary>Which engine path the orders take.</summary>
public enum OrderPath
{
    /// <summary>Each order in its own DI scope, calling <c>OrderEventProcessor.ProcessPaidAsync</c> (its own transaction).</summary>
    Engine,

    /// <summary>Orders stored in the inbox first (not timed), then drained by <c>InboxProcessor</c> with a handler that calls the engine.</summary>
    Inbox,
}

/// <summary>The command line of <c>orders</c>.</summary>
public sealed record OrderThroughputOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Referrals.Benchmarks -- orders [options]
          --provider Sqlite|PostgreSql|all   database(s), each fresh (default Sqlite)
          --orders N                         orders measured per run (default 5000)
          --warmup N                         orders processed first, not measured (default 2000: the JIT needs them)
          --workers 1,2                      concurrent workers; one run per value (default 1)
          --advocates N                      advocates with a code (default 200)
          --max-seconds S                    stop measuring after S seconds (default 120)
          --path engine|inbox                call the engine per order, or drain the inbox (default engine)
          --clock-step S                     fake-clock seconds between orders (default 36; see docs/performance.md)
          --no-count                         do not count SQL (to see what counting costs)
          --analyze                          run ANALYZE after the warm-up, so the planner has statistics (an
                                             experiment: the engine never runs it)
          --top N                            statements listed per order kind (default 40)
        """;

    public IReadOnlyList<StorageProvider> Providers { get; init; } = [StorageProvider.Sqlite];

    public int Orders { get; init; } = 5000;

    public int Warmup { get; init; } = 2000;

    public IReadOnlyList<int> Workers { get; init; } = [1];

    public int Advocates { get; init; } = 200;

    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(120);

    public OrderPath Path { get; init; } = OrderPath.Engine;

    public TimeSpan ClockStep { get; init; } = TimeSpan.FromSeconds(36);

    public bool CountSql { get; init; } = true;

    public bool Analyze { get; init; }

    public int Top { get; init; } = 40;

    /// <exception cref="ArgumentException">An option is unknown or its value is invalid; the message says which.</exception>
    public static OrderThroughputOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OrderThroughputOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--provider" => options with { Providers = ParseProviders(Value()) },
                "--orders" => options with { Orders = Positive(name, Value()) },
                "--warmup" => options with { Warmup = NonNegative(name, Value()) },
                "--workers" => options with { Workers = [.. Value().Split(',').Select(w => Positive(name, w))] },
                "--advocates" => options with { Advocates = Positive(name, Value()) },
                "--max-seconds" => options with { MaxDuration = TimeSpan.FromSeconds(Positive(name, Value())) },
                "--path" => options with { Path = Enum.Parse<OrderPath>(Value(), ignoreCase: true) },
                "--clock-step" => options with { ClockStep = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--no-count" => options with { CountSql = false },
                "--analyze" => options with { Analyze = true },
                "--top" => options with { Top = NonNegative(name, Value()) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static StorageProvider[] ParseProviders(string value) =>
        value.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? [StorageProvider.Sqlite, StorageProvider.PostgreSql]
            : [.. value.Split(',').Select(p => Enum.Parse<StorageProvider>(p, ignoreCase: true))];

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} must be a whole number ≥ 0, not '{value}'.");
}
