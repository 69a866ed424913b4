namespace DisTok.Web.Tests;

/// <summary>The test app without a DisTok model (only the backbone), as on a machine where models/distok is missing.</summary>
public sealed class NoDisTokAppFactory() : StudioAppFactory(withDisTok: false);
