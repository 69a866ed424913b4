namespace DisTok.ML.Tests.Text;

/// <summary>Test classes in this collection share one <see cref="MiniLmFixture"/> (the model loads once).</summary>
[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM";
}
