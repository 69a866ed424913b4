namespace DisTok.ML.Data;

/// <summary>How a name-keyed package spells an emoji name such as "palm tree".</summary>
public enum EmojiNameForm
{
    /// <summary>Lower case, words joined by '-': <c>palm-tree</c>.</summary>
    Kebab,

    /// <summary>Lower case, words run together: <c>palmtree</c>.</summary>
    Squashed,
}
