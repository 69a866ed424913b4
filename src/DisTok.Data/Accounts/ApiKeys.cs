using System.Security.Cryptography;
using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Accounts;

/// <summary>A newly made API token: <see cref="Token"/> is shown once and never stored.</summary>
/// <param name="Key">What is stored (the id, name and secret hash).</param>
/// <param name="Token">The whole token, <c>dtk_{id}_{secret}</c>.</param>
public sealed record NewApiKey(ApiKey Key, string Token);

/// <summary>
/// Personal API tokens, so a script can act as an account (own what it makes, see its private tokens, create studies)
/// without keeping cookies: made, listed and revoked by their account, checked in constant time against the stored
/// SHA-256 of their secret. At most <see cref="MaxPerAccount"/> live tokens per account.
/// </summary>
public sealed class ApiKeys(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>The prefix every token starts with.</summary>
    public const string Prefix = "dtk_";

    /// <summary>Live (not revoked) tokens one account may hold.</summary>
    public const int MaxPerAccount = 20;

    /// <summary>Makes a token for <paramref name="accountId"/>.</summary>
    /// <exception cref="StudioValidationException">A bad name, or the account already has <see cref="MaxPerAccount"/> live tokens.</exception>
    public async Task<NewApiKey> CreateAsync(string accountId, string name, CancellationToken ct = default)
    {
        var clean = StudioInput.Name(name, "name");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.ApiKeys.CountAsync(k => k.AccountId == accountId && k.RevokedUtc == null, ct) >= MaxPerAccount)
            throw new StudioValidationException("name", $"an account holds at most {MaxPerAccount} live API tokens; revoke one first");
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey { Id = UnguessableId.New(), AccountId = accountId, Name = clean, SecretHash = Hash(secret), CreatedUtc = clock.GetUtcNow() };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new NewApiKey(key, $"{Prefix}{key.Id}_{secret}");
    }

    /// <summary>The account's tokens, newest first (revoked ones included, marked).</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string accountId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId).OrderByDescending(k => k.CreatedUtc).ToListAsync(ct);
    }

    /// <summary>Revokes one of the account's tokens; from then on it authenticates nothing.</summary>
    /// <exception cref="StudioNotFoundException">The account has no token with that id.</exception>
    public async Task RevokeAsync(string accountId, string id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.AccountId == accountId, ct)
                  ?? throw new StudioNotFoundException("you have no API token with that id");
        key.RevokedUtc ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The account a token acts as, or null when it is malformed, unknown, revoked or its secret is wrong.</summary>
    public async Task<string?> AccountOfAsync(string? token, CancellationToken ct = default)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        // The id has a fixed length (and may itself contain '_'), so the token is cut there, not at an underscore.
        var rest = token[Prefix.Length..];
        int cut = UnguessableId.Length;
        if (rest.Length <= cut + 1 || rest[cut] != '_') return null;
        string id = rest[..cut], secret = rest[(cut + 1)..];
        if (!UnguessableId.IsWellFormed(id) || secret.Length == 0) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || key.RevokedUtc is not null) return null;
        return CryptographicOperations.FixedTimeEquals(key.SecretHash, Hash(secret)) ? key.AccountId : null;
    }

    static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
