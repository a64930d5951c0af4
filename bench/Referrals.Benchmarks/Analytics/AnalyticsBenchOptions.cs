using System.Globalization;
using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Analytics;

/// <summary>The command line of <c>seed</c> and <c>analytics</c>.</summary>
public sealed record AnalyticsBenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Referrals.Benchmarks -- seed|analytics [options]
          --provider sqlite|postgresql   the database (default sqlite)
          --connection STRING            an existing database: seed migrates and fills it; analytics times it as it
                                         is. Without it, both make a throw-away test database (PostgreSQL: a server
                                         started like the tests' one), seed it, and analytics times it.
          --referrals N                  referrals to seed (default 1000000)
          --orders N                     orders to seed, converting ones included (default 2000000)
          --asks N                       asks to seed (default 500000)
          --runs N                       overview runs timed; the first is the cold one (default 11)
          --sql DIR                      write each query's SQL (EF's ToQueryString) to DIR, to study plans
          --analyze                      SQLite: run ANALYZE before timing (the engine never does; PostgreSQL's
                                         autovacuum does, so PostgreSQL is always analysed after seeding)
        """;

    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    public string? Connection { get; init; }

    public int Referrals { get; init; } = 1_000_000;

    public int Orders { get; init; } = 2_000_000;

    public int Asks { get; init; } = 500_000;

    public int Runs { get; init; } = 11;

    public bool Analyze { get; init; }

    public string? SqlDirectory { get; init; }

    /// <exception cref="ArgumentException">An option is unknown or its value is invalid; the message says which.</exception>
    public static AnalyticsBenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new AnalyticsBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--provider" => options with { Provider = Enum.Parse<StorageProvider>(Value(), ignoreCase: true) },
                "--connection" => options with { Connection = Value() },
                "--referrals" => options with { Referrals = Count(name, Value()) },
                "--orders" => options with { Orders = Count(name, Value()) },
                "--asks" => options with { Asks = Count(name, Value()) },
                "--runs" => options with { Runs = Math.Max(2, Count(name, Value())) },
                "--analyze" => options with { Analyze = true },
                "--sql" => options with { SqlDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} must be a whole number ≥ 0, not '{value}'.");
}
