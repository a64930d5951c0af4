namespace Referrals.ShopifyBridge.Hosting;

/// <summary>
/// The bridge's web host builder, shared by its <c>Program</c> and by whatever hosts it elsewhere (the load harness, the
/// fault suite's process, the demo), so each measures and tests the host that ships.
/// </summary>
public static class BridgeHostBuilder
{
    /// <summary>A slim builder with HTTPS endpoints from configuration, as the full builder would have them.</summary>
    /// <remarks>
    /// The slim builder leaves out what the bridge never uses: IIS integration, HTTP/3 over QUIC, hosting start-up
    /// assemblies, regex and alpha route constraints, and the Debug and EventSource loggers. Configuration (appsettings,
    /// user secrets in Development, environment variables, arguments) and console logging are the same. Measured under
    /// the load harness (docs/performance.md, eighth round): about 2 MB less of mapped assemblies in the resident set.
    /// </remarks>
    public static WebApplicationBuilder Create(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(options);
        // Kestrel:Endpoints with certificates and https:// URLs keep working; the slim builder would refuse them.
        builder.WebHost.UseKestrelHttpsConfiguration();
        return builder;
    }
}
