namespace DisTok.Data.Validation;

/// <summary>
/// Who is asking to change something: their owner identity (an account, <c>account:{id}</c>, or a browser without one,
/// <c>client:{id}</c>) and whether they are an administrator. Saved tokens, share links, rooms and studies remember
/// the identity that made them; only it, or an administrator, may edit, delete or revoke them.
/// </summary>
/// <param name="Owner">The asker's owner identity, or null when there is none.</param>
/// <param name="IsAdmin">True for an administrator, who may change anything.</param>
public sealed record StudioActor(string? Owner, bool IsAdmin)
{
    /// <summary>An administrator acting without an identity of their own (maintenance, tests).</summary>
    public static readonly StudioActor Administrator = new(null, true);

    /// <summary>True when this actor may change something owned by <paramref name="owner"/> (null: made before owners were recorded; administrators only).</summary>
    public bool MayChange(string? owner) => IsAdmin || owner is not null && Owner is not null && string.Equals(owner, Owner, StringComparison.Ordinal);

    /// <summary>Throws unless <see cref="MayChange"/>.</summary>
    /// <param name="owner">The thing's owner.</param>
    /// <param name="what">What it is, for the message, e.g. <c>this token</c>.</param>
    /// <exception cref="StudioForbiddenException">Someone else owns it.</exception>
    public void Demand(string? owner, string what)
    {
        if (!MayChange(owner)) throw new StudioForbiddenException($"only whoever made {what} (or an administrator) may change it");
    }
}
