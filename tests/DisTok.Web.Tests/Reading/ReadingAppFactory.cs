namespace DisTok.Web.Tests.Reading;

/// <summary>The test app with the tiny DisTok and the repository's soft labeler, so images get a reading.</summary>
public sealed class ReadingAppFactory() : StudioAppFactory(withDisTok: true, withLabeler: true);
