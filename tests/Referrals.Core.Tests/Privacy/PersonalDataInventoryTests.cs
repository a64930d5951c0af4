using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;

namespace Referrals.Core.Tests.Privacy;

/// <summary>
/// The guard: every table of the model has a privacy decision. A new entity type fails here until it is added to
/// <see cref="PersonalDataInventory.Redacted"/> (and the erasure covers it) or declared free of personal data.
/// </summary>
public sealed class PersonalDataInventoryTests
{
    private static IReadOnlyList<Type> ModelTypes()
    {
        using var db = new ReferralsDbContextFactory(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=:memory:" })
            .CreateDbContext();
        return db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.ClrType).Distinct().ToList();
    }

    [Test]
    public void EveryEntityTypeOfTheModel_IsRedactedOrDeclaredFreeOfPersonalData()
    {
        var decided = PersonalDataInventory.Redacted.Concat(PersonalDataInventory.FreeOfPersonalData.Keys).ToHashSet();

        var undecided = ModelTypes().Where(t => !decided.Contains(t)).Select(t => t.FullName).ToList();

        Assert.That(undecided, Is.Empty,
            "Decide for each new table whether it can hold a person's data: cover it in ContactErasure and list it in PersonalDataInventory.Redacted, or list it in PersonalDataInventory.FreeOfPersonalData with the reason.");
    }

    [Test]
    public void NoTypeIsInBothLists_AndEveryListedTypeIsInTheModel()
    {
        var model = ModelTypes();

        Assert.That(PersonalDataInventory.Redacted.Intersect(PersonalDataInventory.FreeOfPersonalData.Keys), Is.Empty);
        Assert.That(PersonalDataInventory.Redacted.Concat(PersonalDataInventory.FreeOfPersonalData.Keys).Where(t => !model.Contains(t)), Is.Empty,
            "a listed type that left the model should leave the list");
        Assert.That(PersonalDataInventory.FreeOfPersonalData.Values, Has.All.Length.GreaterThan(10), "say why");
    }
}
