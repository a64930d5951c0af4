namespace Referrals.Core.Persistence;

/// <summary>Which database the engine stores its data in.</summary>
public enum StorageProvider
{
    /// <summary>An SQLite file (WAL mode): the embedded default.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL through Npgsql: production, several instances.</summary>
    PostgreSql = 1,

    /// <summary>SQL Server: Umbraco sites that run on it.</summary>
    SqlServer = 2,
}
