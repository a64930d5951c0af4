using Referrals.Core.Configuration;
using Referrals.Core.Messaging;

namespace Referrals.Core.Tests.Configuration;

public sealed class JobOptionsTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<JobOptions>();

    [TestCaseSource(nameof(Defaults))]
    public void NewOptions_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<JobOptions>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewOptions_UseTheRetryScheduleDefault_ForMaxAttempts() =>
        Assert.That(new JobOptions().MaxAttempts, Is.EqualTo(RetrySchedule.DefaultMaxAttempts));

    [Test]
    public void NewOptions_HaveTheDocumentedValues_WhenNothingIsSet()
    {
        var options = new JobOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Storage, Is.EqualTo("InMemory"));
            Assert.That(options.Workers, Is.EqualTo(2));
            Assert.That(options.BatchSize, Is.EqualTo(200));
            Assert.That(options.LeaseSeconds, Is.EqualTo(120));
            Assert.That(options.MaxAttempts, Is.EqualTo(8));
            Assert.That(options.RegisterRecurringJobs, Is.True);
        }
    }
}
