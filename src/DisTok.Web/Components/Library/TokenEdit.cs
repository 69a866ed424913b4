namespace DisTok.Web.Components.Library;

/// <summary>A saved token's new name, notes and tags, as typed on its card.</summary>
/// <param name="Id">The token.</param>
/// <param name="Name">The new name.</param>
/// <param name="Notes">The new notes, or null.</param>
/// <param name="Tags">The tags, split from the comma-separated field.</param>
public sealed record TokenEdit(Guid Id, string Name, string? Notes, IReadOnlyList<string> Tags)
{
    /// <summary>Tags typed as <c>night, forest</c>.</summary>
    public static IReadOnlyList<string> SplitTags(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
