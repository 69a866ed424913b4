using DisTok.Data.Accounts;
using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Tests.Accounts;

public abstract class AccountDirectoryTests(StudioDatabaseProvider provider)
{
    const string Strong = "Quiet-River-77-Stone";

    [Fact]
    public async Task Roles_change_lockouts_lift_and_the_last_admin_stays()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        using var scope = db.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var directory = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>();
        await admin.CreateAsync("ada@lab.example", Strong, StudioRoles.Admin);
        var bo = await admin.CreateAsync("bo@lab.example", Strong, StudioRoles.User);

        var e = await Assert.ThrowsAsync<StudioValidationException>(() => directory.SetRoleAsync("ada@lab.example", StudioRoles.User));
        Assert.Contains("last administrator", e.Message);

        await directory.SetRoleAsync("bo@lab.example", StudioRoles.Admin);
        await directory.SetRoleAsync("ada@lab.example", StudioRoles.User);
        var listed = await directory.ListAsync();
        Assert.Equal([("ada@lab.example", "user"), ("bo@lab.example", "admin")], listed.Select(a => (a.Email, a.Role)));

        for (int i = 0; i < 5; i++) await users.AccessFailedAsync(bo);
        Assert.NotNull((await directory.ListAsync()).Single(a => a.Email == "bo@lab.example").LockedOutUntil);
        await directory.UnlockAsync("bo@lab.example");
        Assert.Null((await directory.ListAsync()).Single(a => a.Email == "bo@lab.example").LockedOutUntil);

        await Assert.ThrowsAsync<StudioNotFoundException>(() => directory.SetRoleAsync("nobody@lab.example", StudioRoles.User));
        await Assert.ThrowsAsync<StudioValidationException>(() => directory.SetRoleAsync("bo@lab.example", "root"));
    }

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_once_leave_one_administrator()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        for (int round = 0; round < 10; round++)
        {
            string a = $"a{round}@lab.example", b = $"b{round}@lab.example";
            using (var setup = db.Services.CreateScope())
            {
                var admin = setup.ServiceProvider.GetRequiredService<AccountAdmin>();
                await admin.CreateAsync(a, Strong, StudioRoles.Admin);
                await admin.CreateAsync(b, Strong, StudioRoles.Admin);
                // Only these two are administrators in this round.
                var directory = setup.ServiceProvider.GetRequiredService<AccountDirectory>();
                foreach (var other in (await directory.ListAsync()).Where(x => x.Role == StudioRoles.Admin && x.Email != a && x.Email != b))
                    await directory.SetRoleAsync(other.Email, StudioRoles.User);
            }
            using var first = db.Services.CreateScope();
            using var second = db.Services.CreateScope();
            var start = new TaskCompletionSource();
            async Task<bool> Demote(IServiceScope scope, string email)
            {
                await start.Task;
                try { await scope.ServiceProvider.GetRequiredService<AccountDirectory>().SetRoleAsync(email, StudioRoles.User); return true; }
                catch (StudioValidationException) { return false; }
            }
            var both = Task.WhenAll(Task.Run(() => Demote(first, a)), Task.Run(() => Demote(second, b)));
            start.SetResult();
            var results = await both;
            Assert.Equal(1, results.Count(ok => ok));
            using var check = db.Services.CreateScope();
            Assert.Single(await check.ServiceProvider.GetRequiredService<AccountDirectory>().ListAsync(), x => x.Role == StudioRoles.Admin);
        }
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class AccountDirectoryOnSqliteTests() : AccountDirectoryTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class AccountDirectoryOnPostgresTests() : AccountDirectoryTests(StudioDatabaseProvider.Postgres);
