using Npgsql;

namespace DisTok.Tests.Shared;

/// <summary>New, empty databases on the test PostgreSQL server (scripts/services.sh starts one; scripts/test.sh does so
/// and sets <see cref="Variable"/>), one per test or app, dropped again afterwards.</summary>
public static class TestPostgres
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string Variable = "DISTOK_TEST_POSTGRES";

    /// <summary>The server's connection string, or a failure that says how to start one.</summary>
    public static string Server() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, or eval \"$(scripts/services.sh up)\" and export {Variable} first");

    /// <summary>Creates a database with a new name and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = $"distok_test_{Guid.NewGuid():N}";
        Run($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database <paramref name="connectionString"/> names, closing its pooled connections first.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        Run($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    static void Run(string sql)
    {
        using var admin = new NpgsqlConnection(Server());
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }
}
