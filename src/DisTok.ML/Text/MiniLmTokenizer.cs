using DisTok.Core.Backbone;
using FastBertTokenizer;

namespace DisTok.ML.Text;

/// <summary>
/// The uncased BERT WordPiece tokenizer of all-MiniLM-L6-v2 (lower-casing, accent stripping, punctuation
/// split, "##" continuations), backed by FastBertTokenizer. A prompt may contain the placeholder
/// <see cref="Placeholder.Text"/>: each one becomes a single slot position whose input embedding the
/// encoder replaces. Thread-safe.
/// </summary>
public sealed class MiniLmTokenizer
{
    public const long ClsId = 101, SepId = 102, MaskId = 103, PadId = 0;

    readonly BertTokenizer tokenizer = new();
    readonly IReadOnlyList<string> vocabulary;
    readonly Lock gate = new();
    readonly long[] idBuffer;
    readonly long[] maskBuffer;

    /// <param name="vocabulary">Pieces in id order (see <see cref="MiniLmResources.Vocabulary"/>).</param>
    /// <param name="maxTokens">Longest result, [CLS] and [SEP] included; longer prompts are truncated.</param>
    public MiniLmTokenizer(IReadOnlyList<string> vocabulary, int maxTokens = 128)
    {
        if (maxTokens < 3) throw new ArgumentOutOfRangeException(nameof(maxTokens), "need room for [CLS], one piece and [SEP]");
        if (vocabulary.Count <= SepId || vocabulary[(int)ClsId] != "[CLS]" || vocabulary[(int)SepId] != "[SEP]" || vocabulary[(int)MaskId] != "[MASK]")
            throw new ArgumentException("not an uncased BERT vocabulary: [CLS]/[SEP]/[MASK] are not at ids 101/102/103", nameof(vocabulary));
        this.vocabulary = vocabulary;
        MaxTokens = maxTokens;
        tokenizer.LoadVocabulary(new StringReader(string.Join('\n', vocabulary)), convertInputToLowercase: true);
        idBuffer = new long[maxTokens];
        maskBuffer = new long[maxTokens];
    }

    public int MaxTokens { get; }

    /// <summary>The piece with this id, e.g. "pig" or "##ji".</summary>
    public string Piece(long id) => vocabulary[checked((int)id)];

    /// <summary>
    /// Tokenizes a prompt. Every placeholder becomes one slot. Text beyond <see cref="MaxTokens"/> is cut;
    /// a placeholder that would be cut is an error.
    /// </summary>
    public TokenizedPrompt Tokenize(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var segments = prompt.Split(Placeholder.Text);
        var ids = new List<long>(16) { ClsId };
        var slots = new List<int>();
        int budget = MaxTokens - 1; // room left before [SEP]
        for (int s = 0; s < segments.Length; s++)
        {
            if (s > 0)
            {
                if (ids.Count >= budget)
                    throw new ArgumentException($"the placeholder {Placeholder.Text} falls beyond the first {MaxTokens} tokens; shorten the prompt");
                slots.Add(ids.Count);
                ids.Add(MaskId);
            }
            foreach (var id in Pieces(segments[s]))
            {
                if (ids.Count >= budget) break;
                ids.Add(id);
            }
        }
        ids.Add(SepId);
        return new TokenizedPrompt(ids.ToArray(), slots.ToArray());
    }

    /// <summary>The word-piece ids of a text without [CLS]/[SEP], e.g. "emoji" → em ##oj ##i.</summary>
    public long[] Pieces(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        lock (gate)
        {
            // FastBertTokenizer always frames the result with [CLS] ... [SEP]; strip both.
            int n = tokenizer.Encode(text, idBuffer, maskBuffer, padTo: null);
            if (n < 2 || idBuffer[0] != ClsId || idBuffer[n - 1] != SepId)
                throw new InvalidOperationException($"unexpected tokenizer output for '{text}'");
            return idBuffer.AsSpan(1, n - 2).ToArray();
        }
    }
}
