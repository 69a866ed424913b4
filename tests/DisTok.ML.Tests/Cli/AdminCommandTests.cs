using DisTok.Cli.Commands;
using DisTok.Data;
using DisTok.Data.Accounts;
using DisTok.Data.Entities;
using DisTok.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.ML.Tests.Cli;

/// <summary>`distok admin create` reads the password from standard input and applies the web app's password rules.</summary>
public sealed class AdminCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("distok-admin-").FullName;

    string Database => Path.Combine(_dir, "db", "studio.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    async Task<(int Exit, string Error)> Run(string? stdin, params string[] args)
    {
        var previous = Console.In;
        Console.SetIn(new StringReader(stdin ?? ""));
        try { return await CliHarness.RunAsync(AdminCommand.Create(), ["admin", "create", "--database", Database, .. args]); }
        finally { Console.SetIn(previous); }
    }

    async Task<bool> IsAdminAsync(string email)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStudioData($"Data Source={Database}");
        services.AddStudioAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>();
        return await users.FindByEmailAsync(email) is { } account && await users.IsInRoleAsync(account, StudioRoles.Admin);
    }

    [Fact]
    [Trait("Database", "PostgreSQL")]
    public async Task An_admin_is_created_in_a_cluster_s_PostgreSQL_database()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            var previous = Console.In;
            Console.SetIn(new StringReader("Quiet-River-77-Stone\n"));
            (int Exit, string Error) made;
            try { made = await CliHarness.RunAsync(AdminCommand.Create(), ["admin", "create", "--postgres", database, "--email", "ops@lab.example"]); }
            finally { Console.SetIn(previous); }
            Assert.Equal((0, ""), made);
            var services = new ServiceCollection().AddLogging();
            services.AddStudioData(database, StudioDatabaseProvider.Postgres);
            services.AddStudioAccounts();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>();
            Assert.True(await users.FindByEmailAsync("ops@lab.example") is { } account && await users.IsInRoleAsync(account, StudioRoles.Admin));
        }
        finally { TestPostgres.DropDatabase(database); }
    }

    [Fact]
    public async Task The_first_admin_is_created_from_a_password_on_standard_input()
    {
        var (exit, error) = await Run("Quiet-River-77-Stone\n", "--email", "root@lab.example");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.True(await IsAdminAsync("root@lab.example"));
    }

    [Theory]
    [InlineData("", "no password on standard input")]
    [InlineData("Password12345\n", "common")]
    [InlineData("short\n", "at least 12")]
    public async Task Missing_and_weak_passwords_are_refused_and_no_account_is_made(string stdin, string reason)
    {
        var (exit, error) = await Run(stdin, "--email", "root@lab.example");
        Assert.NotEqual(0, exit);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
        if (File.Exists(Database)) Assert.False(await IsAdminAsync("root@lab.example"));
    }

    [Fact]
    public async Task An_api_token_is_printed_once_for_an_existing_account_and_names_it()
    {
        Assert.Equal(0, (await Run("Quiet-River-77-Stone\n", "--email", "script@lab.example", "--role", "user")).Exit);
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        (int Exit, string Error) made;
        try { made = await CliHarness.RunAsync(AdminCommand.Create(), ["admin", "api-token", "--database", Database, "--email", "script@lab.example", "--name", "notebook"]); }
        finally { Console.SetOut(previous); }
        Assert.Equal(0, made.Exit);
        var token = output.ToString().Trim();
        Assert.StartsWith(ApiKeys.Prefix, token);

        var services = new ServiceCollection().AddLogging();
        services.AddStudioData($"Data Source={Database}");
        services.AddStudioAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>().FindByEmailAsync("script@lab.example");
        Assert.Equal(account!.Id, await provider.GetRequiredService<ApiKeys>().AccountOfAsync(token));

        var unknown = await CliHarness.RunAsync(AdminCommand.Create(), ["admin", "api-token", "--database", Database, "--email", "nobody@lab.example", "--name", "x"]);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("no account", unknown.Error);
    }
}

