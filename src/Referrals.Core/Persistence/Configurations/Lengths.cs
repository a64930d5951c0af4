namespace Referrals.Core.Persistence.Configurations;

/// <summary>Column lengths. Indexed text needs a bound on SQL Server; the others keep rows honest.</summary>
internal static class Lengths
{
    public const int Key = 255;
    public const int Name = 200;
    public const int Email = 320;
    public const int ExternalId = 100;
    public const int Code = 64;
    public const int Currency = 3;
    public const int Short = 50;
    public const int Reason = 1000;
}
