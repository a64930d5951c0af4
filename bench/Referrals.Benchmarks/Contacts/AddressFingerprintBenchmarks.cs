using BenchmarkDotNet.Attributes;
using Referrals.Core.Contacts;

namespace Referrals.Benchmarks.Contacts;

/// <summary>
/// <see cref="AddressFingerprint.Compute"/> on a Danish address (diacritics, floor and side on line 1) and a
/// US address (street word to unify, apartment written with <c>#</c>).
/// </summary>
[MemoryDiagnoser]
public class AddressFingerprintBenchmarks
{
    private PostalAddress _danish = null!;
    private PostalAddress _american = null!;

    [GlobalSetup]
    public void Setup()
    {
        _danish = new PostalAddress("Nørregade 12, 2. th.", null, "København K", "1165", "DK");
        _american = new PostalAddress("1600 Main Street", "#4B", "Springfield", "62701-1234", "US");
    }

    [Benchmark]
    public string? Danish() => AddressFingerprint.Compute(_danish);

    [Benchmark]
    public string? American() => AddressFingerprint.Compute(_american);
}
