namespace DisTok.Data.Entities;

/// <summary>A personal API token of an account, for scripts: sent as <c>Authorization: Bearer dtk_{Id}_{secret}</c>. Only
/// the SHA-256 of the secret is stored; the token itself is shown once, when it is made.</summary>
public sealed class ApiKey
{
    /// <summary>The token's public part (an unguessable id), also how it is listed and revoked.</summary>
    public string Id { get; set; } = "";

    /// <summary>The account it acts as (Identity user id).</summary>
    public string AccountId { get; set; } = "";

    /// <summary>What its owner calls it ("lab notebook").</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret part.</summary>
    public byte[] SecretHash { get; set; } = [];

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When it was revoked (it then authenticates nothing), or null.</summary>
    public DateTimeOffset? RevokedUtc { get; set; }
}
