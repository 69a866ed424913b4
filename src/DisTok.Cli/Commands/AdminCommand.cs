using System.CommandLine;
using DisTok.Data;
using DisTok.Data.Accounts;
using DisTok.Data.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Cli.Commands;

/// <summary>
/// `distok admin create --email E [--role admin|user]`: makes an account in the studio database. The password is read
/// from standard input (one line), never from an argument (which would land in shell history and process lists) and
/// never defaulted; it must pass the same rules as the web app's.
/// </summary>
public static class AdminCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail (its sign-in name).", Required = true };
        var role = new Option<string>("--role") { Description = "admin or user.", DefaultValueFactory = _ => StudioRoles.Admin };
        var name = new Option<string?>("--name") { Description = "The name shown to others (default: the e-mail's local part)." };
        var database = new Option<string>("--database") { Description = "The studio's SQLite file (the app's Studio:DatabasePath).", DefaultValueFactory = _ => Path.Combine("App_Data", "studio.db") };
        var postgres = Postgres();
        var create = new Command("create", "Create an account; the password is read from standard input.") { email, role, name, database, postgres };
        create.SetAction(async (parse, ct) =>
        {
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) throw new ArgumentException("no password on standard input; pipe one line, e.g. from a password manager");
            await using var provider = Services(parse.GetValue(postgres), $"Data Source={Path.GetFullPath(parse.GetValue(database)!)}");
            await provider.MigrateStudioDatabaseAsync(ct);
            await using var scope = provider.CreateAsyncScope();
            try
            {
                var account = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(parse.GetValue(email)!, password, parse.GetValue(role)!, parse.GetValue(name));
                Console.WriteLine($"created {parse.GetValue(role)} {account.Email}");
                return 0;
            }
            catch (StudioValidationException e) { throw new ArgumentException(e.Message); }
        });
        return new Command("admin", "Accounts of the studio.") { create, ApiToken() };
    }

    /// <summary>A cluster's database instead of the SQLite file.</summary>
    static Option<string?> Postgres() =>
        new("--postgres") { Description = "A cluster's PostgreSQL (the nodes' ConnectionStrings:Studio) instead of the SQLite file." };

    /// <summary>The stores and account services on the SQLite file, or on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    static ServiceProvider Services(string? postgres, string sqlite)
    {
        var services = new ServiceCollection().AddLogging();
        if (postgres is { Length: > 0 }) services.AddStudioData(postgres, StudioDatabaseProvider.Postgres);
        else services.AddStudioData(sqlite);
        services.AddStudioAccounts();
        return services.BuildServiceProvider();
    }

    /// <summary>`distok admin api-token --email E --name N`: makes a personal API token for an existing account and prints
    /// it once (only its hash is stored); the same as <c>POST /api/account/tokens</c> while signed in.</summary>
    static Command ApiToken()
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What to call the token.", Required = true };
        var database = new Option<string>("--database") { Description = "The studio's SQLite file (the app's Studio:DatabasePath).", DefaultValueFactory = _ => Path.Combine("App_Data", "studio.db") };
        var postgres = Postgres();
        var command = new Command("api-token", "Make a personal API token for an account (printed once; send it as 'Authorization: Bearer …').") { email, name, database, postgres };
        command.SetAction(async (parse, ct) =>
        {
            var file = Path.GetFullPath(parse.GetValue(database)!);
            if (parse.GetValue(postgres) is null && !File.Exists(file)) throw new ArgumentException($"no studio database at {parse.GetValue(database)}");
            await using var provider = Services(parse.GetValue(postgres), $"Data Source={file}");
            await provider.MigrateStudioDatabaseAsync(ct);
            await using var scope = provider.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Entities.StudioAccount>>();
            var account = await users.FindByEmailAsync(parse.GetValue(email)!) ?? throw new ArgumentException($"no account '{parse.GetValue(email)}'");
            try
            {
                var made = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(account.Id, parse.GetValue(name)!, ct);
                Console.WriteLine(made.Token);
                return 0;
            }
            catch (StudioValidationException e) { throw new ArgumentException(e.Message); }
        });
        return command;
    }
}
