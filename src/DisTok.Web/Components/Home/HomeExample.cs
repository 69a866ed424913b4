namespace DisTok.Web.Components.Home;

/// <summary>A one-click start on the home page: a room opens holding these weights.</summary>
/// <param name="Id">A stable name for the example (element ids, tests).</param>
/// <param name="Title">What it blends, for people.</param>
/// <param name="Weights">Concepts and weights (0..100).</param>
public sealed record HomeExample(string Id, string Title, IReadOnlyList<(string Concept, double Weight)> Weights)
{
    /// <summary>The examples shown: the brief's three-way blend and pairs whose fusions the studio's grids show.</summary>
    public static IReadOnlyList<HomeExample> All { get; } =
    [
        new("pig-sheep-snake", "55 % pig, 25 % sheep, 20 % snake", [("pig", 55), ("sheep", 25), ("snake", 20)]),
        new("cat-ladybug", "cat + ladybug", [("cat", 50), ("ladybug", 50)]),
        new("elephant-panda", "elephant + panda", [("elephant", 50), ("panda", 50)]),
        new("frog-penguin", "frog + penguin", [("frog", 50), ("penguin", 50)]),
    ];
}
