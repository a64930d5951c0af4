using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>Gives each test a fresh, migrated, empty database of the fixture's provider and drops it afterwards.</summary>
public abstract class DatabaseTests
{
    protected DatabaseTests(StorageProvider provider) => Provider = provider;

    protected StorageProvider Provider { get; }

    protected TestDatabase Database { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabaseAsync() => Database = await TestDatabase.CreateAsync(Provider);

    [TearDown]
    public async Task DropDatabaseAsync() => await Database.DisposeAsync();

    /// <summary>Adds the entities in a context of their own and saves.</summary>
    protected async Task SaveAsync(params object[] entities)
    {
        await using var db = Database.CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }
}
