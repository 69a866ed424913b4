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
        var create = new Command("create", "Create an account; the password is read from standard input.") { email, role, name, database };
        create.SetAction(async (parse, ct) =>
        {
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) throw new ArgumentException("no password on standard input; pipe one line, e.g. from a password manager");
            var services = new ServiceCollection().AddLogging();
            services.AddStudioData($"Data Source={Path.GetFullPath(parse.GetValue(database)!)}");
            services.AddStudioAccounts();
            await using var provider = services.BuildServiceProvider();
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
        return new Command("admin", "Accounts of the studio.") { create };
    }
}
