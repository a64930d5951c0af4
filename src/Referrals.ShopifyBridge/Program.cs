using System.Security.Cryptography;
using Referrals.ShopifyBridge;
using Referrals.ShopifyBridge.Hosting;
using Referrals.ShopifyBridge.Merchants;

// `hash-password`: reads the operator password from standard input and prints the value for
// Referrals:Shopify:OperatorPasswordHash; nothing else starts.
if (args is ["hash-password", ..])
{
    var password = Console.ReadLine();
    if (string.IsNullOrEmpty(password))
    {
        await Console.Error.WriteLineAsync("Type the password on standard input.");
        return 1;
    }

    using var random = RandomNumberGenerator.Create();
    Console.WriteLine(OperatorPasswordHash.Create(password, random));
    return 0;
}

var builder = BridgeHostBuilder.Create(new WebApplicationOptions { Args = args });
builder.Services.AddShopifyBridge(builder.Configuration);

var app = builder.Build();
app.UseShopifyBridge();
await app.RunAsync();
return 0;

/// <summary>The bridge's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
