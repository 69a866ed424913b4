using DisTok.ML.Text;

namespace DisTok.ML.Tests.Text;

public class MiniLmTokenizerTests
{
    static readonly IReadOnlyList<string> Vocabulary = MiniLmResources.LoadVocabulary();
    static readonly MiniLmTokenizer Tokenizer = new(Vocabulary);

    string[] Pieces(TokenizedPrompt t) => t.Ids.Select(id => Vocabulary[(int)id]).ToArray();

    [Fact]
    public void Vocabulary_has_30522_pieces_without_carriage_returns()
    {
        Assert.Equal(30522, Vocabulary.Count);
        Assert.DoesNotContain(Vocabulary, p => p.Contains('\r') || p.Contains('\n'));
        Assert.Equal("[PAD]", Vocabulary[0]);
        Assert.Equal("[CLS]", Vocabulary[101]);
        Assert.Equal("[SEP]", Vocabulary[102]);
        Assert.Equal("[MASK]", Vocabulary[103]);
    }

    [Fact]
    public void ParseVocabulary_accepts_crlf_and_lf()
    {
        Assert.Equal(["[PAD]", "a", "##b"], MiniLmResources.ParseVocabulary("[PAD]\r\na\r\n##b\r\n"));
        Assert.Equal(["[PAD]", "a", "##b"], MiniLmResources.ParseVocabulary("[PAD]\na\n##b"));
    }

    [Fact]
    public void Known_sentence_gets_the_ids_of_its_vocab_lines()
    {
        var t = Tokenizer.Tokenize("a photo of a pig");
        Assert.Equal([101L, 1037, 6302, 1997, 1037, 10369, 102], t.Ids);
        Assert.Equal(["[CLS]", "a", "photo", "of", "a", "pig", "[SEP]"], Pieces(t));
        Assert.Empty(t.SlotPositions);
    }

    [Fact]
    public void Punctuation_is_split_off_and_casing_is_ignored()
    {
        var t = Tokenizer.Tokenize("Hello, World!");
        Assert.Equal([101L, 7592, 1010, 2088, 999, 102], t.Ids);
        Assert.Equal(["[CLS]", "hello", ",", "world", "!", "[SEP]"], Pieces(t));
        Assert.Equal(Tokenizer.Tokenize("a photo of a pig").Ids, Tokenizer.Tokenize("A PHOTO of a Pig").Ids);
        Assert.Equal(["[CLS]", "don", "'", "t", "stop", "-", "believing", "[SEP]"], Pieces(Tokenizer.Tokenize("don't stop-believing")));
    }

    [Fact]
    public void Accents_are_stripped()
    {
        Assert.Equal(Tokenizer.Tokenize("cafe deja vu naive").Ids, Tokenizer.Tokenize("Café déjà vu naïve").Ids);
        Assert.Equal("cafe", Vocabulary[(int)Tokenizer.Tokenize("café").Ids[1]]);
    }

    [Fact]
    public void Unknown_words_split_into_wordpieces()
    {
        var t = Tokenizer.Tokenize("a pig emoji in 3d style");
        Assert.Equal(["[CLS]", "a", "pig", "em", "##oj", "##i", "in", "3d", "style", "[SEP]"], Pieces(t));
        Assert.Equal(["hedge", "##hog"], Tokenizer.Pieces("hedgehog").Select(Tokenizer.Piece));
    }

    [Fact]
    public void Placeholder_becomes_one_marked_slot()
    {
        var t = Tokenizer.Tokenize("a photo of a <*>");
        Assert.Equal([101L, 1037, 6302, 1997, 1037, MiniLmTokenizer.MaskId, 102], t.Ids);
        Assert.Equal([5], t.SlotPositions);

        var styled = Tokenizer.Tokenize("A <*> in 3D style!");
        Assert.Equal(["[CLS]", "a", "[MASK]", "in", "3d", "style", "!", "[SEP]"], Pieces(styled));
        Assert.Equal([2], styled.SlotPositions);

        Assert.Equal([1, 3], Tokenizer.Tokenize("<*> and <*>").SlotPositions);
        Assert.Equal([2, 3], Tokenizer.Tokenize("a <*><*>").SlotPositions);
    }

    [Fact]
    public void Long_prompts_are_cut_to_128_tokens_ending_with_sep()
    {
        var t = Tokenizer.Tokenize(string.Join(' ', Enumerable.Repeat("pig", 300)));
        Assert.Equal(128, t.Length);
        Assert.Equal(MiniLmTokenizer.ClsId, t.Ids[0]);
        Assert.Equal(MiniLmTokenizer.SepId, t.Ids[^1]);
        Assert.Throws<ArgumentException>(() => Tokenizer.Tokenize(string.Join(' ', Enumerable.Repeat("pig", 300)) + " <*>"));
    }
}
