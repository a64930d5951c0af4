using Referrals.ShopifyBridge;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddShopifyBridge(builder.Configuration);

var app = builder.Build();
app.UseShopifyBridge();
app.Run();

/// <summary>The bridge's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
