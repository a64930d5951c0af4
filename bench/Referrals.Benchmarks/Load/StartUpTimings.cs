using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.Benchmarks.Throughput;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// Where the bridge's start-up goes: the load child wraps every registered <see cref="IHostedService"/> so each one's
/// <c>StartAsync</c> is timed, and marks the host's own phases; <see cref="Summary"/> prints them in order.
/// </summary>
internal sealed class StartUpTimings
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, double Milliseconds)> _phases = [];
    private double _last;

    /// <summary>Records the time since the previous mark under <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        lock (_phases)
        {
            var now = _clock.Elapsed.TotalMilliseconds;
            _phases.Add((phase, now - _last));
            _last = now;
        }
    }

    /// <summary>Replaces each hosted service with a wrapper that times its start (they start one after another).</summary>
    public void WrapHostedServices(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new Timed(this, Resolve(sp, descriptor)));
        }
    }

    /// <summary>"phase 12 ms; phase 340 ms; …".</summary>
    public string Summary()
    {
        lock (_phases)
        {
            return string.Join("; ", _phases.Select(p => Format.Invariant($"{p.Phase} {p.Milliseconds:0} ms")));
        }
    }

    private static IHostedService Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IHostedService
        ?? (descriptor.ImplementationFactory is { } factory
            ? (IHostedService)factory(services)
            : (IHostedService)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class Timed(StartUpTimings timings, IHostedService inner) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            timings.Mark("(before " + inner.GetType().Name + ")");
            await inner.StartAsync(cancellationToken);
            timings.Mark(inner.GetType().Name);
        }

        public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);
    }
}
