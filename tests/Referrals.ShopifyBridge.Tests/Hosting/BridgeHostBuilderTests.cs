using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.ShopifyBridge.Hosting;

namespace Referrals.ShopifyBridge.Tests.Hosting;

/// <summary>
/// The bridge's slim host still serves what a merchant configures: an HTTPS endpoint with a certificate from
/// <c>Kestrel:Endpoints</c>, on real Kestrel over loopback. The slim builder alone refuses to start with one.
/// </summary>
public sealed class BridgeHostBuilderTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("referrals-host-").FullName;
    }

    [TearDown]
    public void DeleteDirectory()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task TheBridge_AnswersOverHttps_OnAnEndpointFromConfiguration()
    {
        using var certificate = SelfSignedCertificate();
        var certificateFile = Path.Combine(_directory, "bridge.pfx");
        await File.WriteAllBytesAsync(certificateFile, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        var builder = BridgeHostBuilder.Create(new WebApplicationOptions
        {
            ContentRootPath = _directory,
            EnvironmentName = Environments.Production,
            Args =
            [
                "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
                $"--Kestrel:Endpoints:Https:Certificate:Path={certificateFile}",
                "--Kestrel:Endpoints:Https:Certificate:Password=pfx-password",
                $"--Referrals:Storage:ConnectionString=Data Source={Path.Combine(_directory, "referrals.db")}",
                "--Referrals:Jobs:RegisterRecurringJobs=false",
                "--Logging:LogLevel:Default=Warning",
            ],
        });
        builder.Services.AddShopifyBridge(builder.Configuration);
        await using var app = builder.Build();
        app.UseShopifyBridge();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            string? presented = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, served, _, _) =>
                {
                    presented = served?.Thumbprint;
                    return presented == certificate.Thumbprint;
                },
            };
            using var client = new HttpClient(handler);

            using var response = await client.GetAsync(new Uri(new Uri(address), "/healthz"));

            Assert.That(address, Does.StartWith("https://127.0.0.1:"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(presented, Is.EqualTo(certificate.Thumbprint), "the configured certificate served the request");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
