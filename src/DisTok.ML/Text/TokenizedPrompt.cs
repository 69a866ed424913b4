namespace DisTok.ML.Text;

/// <summary>
/// A prompt as word-piece ids, [CLS] first and [SEP] last, no padding.
/// <paramref name="SlotPositions"/> are the indices (ascending) where a placeholder stood; the id there is
/// [MASK] and the model's input embedding at that index is meant to be replaced by a token vector.
/// </summary>
public sealed record TokenizedPrompt(long[] Ids, int[] SlotPositions)
{
    public int Length => Ids.Length;
}
