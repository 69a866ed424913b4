using DisTok.Data.Accounts;
using DisTok.Data.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Tests.Accounts;

/// <summary>Personal API tokens: only the exact, live token of an account signs in as it.</summary>
public abstract class ApiKeysTests(StudioDatabaseProvider provider)
{
    [Fact]
    public async Task Only_the_exact_live_token_names_its_account()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var keys = db.Services.GetRequiredService<ApiKeys>();
        var made = await keys.CreateAsync("acct-1", "notebook");
        Assert.Matches("^dtk_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{43}$", made.Token);
        Assert.Equal("acct-1", await keys.AccountOfAsync(made.Token));

        Assert.Null(await keys.AccountOfAsync(made.Token[..^1] + (made.Token[^1] == 'A' ? 'B' : 'A')));   // one character off
        Assert.Null(await keys.AccountOfAsync(made.Token.Replace("dtk_", "dtx_")));
        Assert.Null(await keys.AccountOfAsync("dtk_" + made.Key.Id + "_"));
        Assert.Null(await keys.AccountOfAsync(null));
        Assert.Null(await keys.AccountOfAsync(new string('x', 5000)));

        await Assert.ThrowsAsync<StudioNotFoundException>(() => keys.RevokeAsync("acct-2", made.Key.Id));   // not theirs
        Assert.Equal("acct-1", await keys.AccountOfAsync(made.Token));
        await keys.RevokeAsync("acct-1", made.Key.Id);
        Assert.Null(await keys.AccountOfAsync(made.Token));
        Assert.NotNull(Assert.Single(await keys.ListAsync("acct-1")).RevokedUtc);
    }

    [Fact]
    public async Task An_account_holds_a_bounded_number_of_live_tokens_and_names_are_checked()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var keys = db.Services.GetRequiredService<ApiKeys>();
        await Assert.ThrowsAsync<StudioValidationException>(() => keys.CreateAsync("acct", ""));
        for (int i = 0; i < ApiKeys.MaxPerAccount; i++) await keys.CreateAsync("acct", $"k{i}");
        var e = await Assert.ThrowsAsync<StudioValidationException>(() => keys.CreateAsync("acct", "one more"));
        Assert.Contains($"at most {ApiKeys.MaxPerAccount}", e.Message);
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class ApiKeysOnSqliteTests() : ApiKeysTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class ApiKeysOnPostgresTests() : ApiKeysTests(StudioDatabaseProvider.Postgres);
