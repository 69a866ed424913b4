namespace DisTok.ML.Data;

/// <summary>
/// The pinned packages the emoji data set is built from. Only openly licensed artwork without
/// share-alike terms: OpenMoji and EmojiOne (CC-BY-SA) and the Apple, Facebook and JoyPixels sets are left out.
/// </summary>
public static class EmojiPackages
{
    /// <summary>All pinned packages, codepoint-named ones first (they carry <c>emoji.json</c>, used to name the rest).</summary>
    public static IReadOnlyList<EmojiPackage> Pinned { get; } =
    [
        new("emoji-datasource-google", "16.0.0",
            "fb5fd131b362aab7a55542d2a147a79708cce0a8b1c1bbacd470172708b5c438",
            EmojiSourceKind.CodepointFiles,
            [new("noto", "noto", "img/google/64/{key}.png")],
            "Apache-2.0", "Google (Noto Emoji)"),

        new("emoji-datasource-twitter", "16.0.0",
            "f64a530c63bca463bd8317fdc4615ce63a53a0c65018e4ce2d848aaba7a28877",
            EmojiSourceKind.CodepointFiles,
            [new("twemoji", "twemoji", "img/twitter/64/{key}.png")],
            "CC-BY-4.0", "Twitter, Inc and other contributors (Twemoji)"),

        new("@lobehub/fluent-emoji-3d", "1.1.0",
            "c1bb7eee7de090205a232518a9ab4adb3df458bfbe8a1f78232991194c8b2e58",
            EmojiSourceKind.CodepointFiles,
            [new("fluent-3d", "fluent", "assets/{key}.webp")],
            "MIT", "Microsoft (Fluent Emoji)"),

        // The package's "modern" folder is Fluent's gradient "Color" rendering.
        new("fluentui-emoji", "1.3.0",
            "ec892e607e854859b812c7d827801756adc19955b0ef56d4ae8afcddd19492c5",
            EmojiSourceKind.NamedFiles,
            [
                new("fluent-flat", "fluent", "icons/flat/{key}.svg"),
                new("fluent-color", "fluent", "icons/modern/{key}.svg"),
                new("fluent-high-contrast", "fluent", "icons/high-contrast/{key}.svg"),
            ],
            "MIT", "Microsoft (Fluent Emoji)"),

        new("@iconify-json/noto-v1", "1.2.5",
            "2bf62c26c2c2884aa99e90aec942cdaee17a5921f05690694f4978ad4b017c37",
            EmojiSourceKind.IconifyIconSet,
            [new("noto-v1", "noto", "icons.json")],
            "Apache-2.0", "Google (Noto Emoji v1)"),

        new("@iconify-json/streamline-emojis", "1.2.4",
            "5dac87c876b322500989828c5823143e0100d78881627a2e4081a4b897cbfdbc",
            EmojiSourceKind.IconifyIconSet,
            [new("streamline", "streamline", "icons.json")],
            "CC-BY-4.0", "Streamline"),

        // Firefox OS Emoji names the whole-body animals "<animal>side"; the plain name is the face.
        new("@iconify-json/fxemoji", "1.2.2",
            "f3e72b3c59d05e1db03b7e308d55c0d05bd7ba3f625a90da1b79313c12858eef",
            EmojiSourceKind.IconifyIconSet,
            [new("fxemoji", "fxemoji", "icons.json")],
            "Apache-2.0", "Mozilla (Firefox OS Emoji)",
            EmojiNameForm.Squashed,
            new Dictionary<string, string>
            {
                ["pig"] = "pigside",
                ["cat"] = "catside",
                ["dog"] = "dogside",
                ["mouse"] = "mouseside",
                ["tiger"] = "tigerside",
                ["rabbit"] = "bunnyside",
                ["dragon"] = "dragonside",
            }),
    ];
}
