namespace DisTok.ML.Text;

/// <summary>
/// The input (word-piece) embedding rows of a word or name, e.g. "pig" → one row, "hedgehog" → hedge ##hog.
/// </summary>
/// <param name="Pieces">The word pieces in order, "##" marking continuations.</param>
/// <param name="Ids">Their vocabulary ids.</param>
/// <param name="Rows">One row of length d per piece.</param>
public sealed record WordPieceEmbedding(IReadOnlyList<string> Pieces, IReadOnlyList<long> Ids, IReadOnlyList<float[]> Rows)
{
    public bool IsSinglePiece => Rows.Count == 1;

    /// <summary>The mean of the rows (the row itself for a single piece): a starting point for a multi-piece name's token.</summary>
    public float[] Mean()
    {
        var mean = new float[Rows[0].Length];
        foreach (var row in Rows)
            for (int i = 0; i < mean.Length; i++) mean[i] += row[i] / Rows.Count;
        return mean;
    }
}
