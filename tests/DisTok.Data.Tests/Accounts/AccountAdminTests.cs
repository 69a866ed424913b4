using DisTok.Data.Accounts;
using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Tests.Accounts;

public abstract class AccountAdminTests(StudioDatabaseProvider provider)
{
    [Fact]
    public async Task An_admin_is_created_with_a_strong_password_and_survives_a_restart()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        using (var scope = db.Services.CreateScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync("ada@lab.example", "Correct-Horse-9-Battery", StudioRoles.Admin);
            Assert.Equal("ada", account.DisplayName);
        }
        await db.RestartAsync();
        using var again = db.Services.CreateScope();
        var users = again.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>();
        var ada = await users.FindByEmailAsync("ada@lab.example");
        Assert.NotNull(ada);
        Assert.True(await users.IsInRoleAsync(ada, StudioRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(ada, "Correct-Horse-9-Battery"));
        Assert.DoesNotContain("Correct-Horse", ada.PasswordHash);
    }

    [Theory]
    [InlineData("short1A", "at least 12")]
    [InlineData("alllowercase1234", "uppercase")]
    [InlineData("Password12345", "common")]
    [InlineData("Administrator99", "common")]
    [InlineData("Ada-Lovelace-2024", "account's name")]
    public async Task Weak_and_default_passwords_are_refused_and_nothing_is_stored(string password, string reason)
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        using var scope = db.Services.CreateScope();
        var e = await Assert.ThrowsAsync<StudioValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync("ada.lovelace@lab.example", password, StudioRoles.Admin));
        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>().FindByEmailAsync("ada.lovelace@lab.example"));
    }

    [Fact]
    public async Task Taken_emails_bad_addresses_and_unknown_roles_are_refused()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        using var scope = db.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        await admin.CreateAsync("bo@lab.example", "Quiet-River-77-Stone", StudioRoles.User);
        Assert.Contains("already taken", (await Assert.ThrowsAsync<StudioValidationException>(() => admin.CreateAsync("bo@lab.example", "Other-River-78-Stone", StudioRoles.User))).Message);
        await Assert.ThrowsAsync<StudioValidationException>(() => admin.CreateAsync("not-an-address", "Quiet-River-77-Stone", StudioRoles.User));
        await Assert.ThrowsAsync<StudioValidationException>(() => admin.CreateAsync("cy@lab.example", "Quiet-River-77-Stone", "root"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        using var scope = db.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync("di@lab.example", "Quiet-River-77-Stone", StudioRoles.User);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>();
        for (int i = 0; i < 5; i++) await users.AccessFailedAsync(account);
        Assert.True(await users.IsLockedOutAsync(account));
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class AccountAdminOnSqliteTests() : AccountAdminTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class AccountAdminOnPostgresTests() : AccountAdminTests(StudioDatabaseProvider.Postgres);
