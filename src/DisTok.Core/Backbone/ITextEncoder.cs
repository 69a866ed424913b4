namespace DisTok.Core.Backbone;

/// <summary>The frozen text encoder E(·): prompt → unit-length sentence embedding.</summary>
public interface ITextEncoder
{
    /// <summary>Size of the sentence embedding and of the token (input-embedding) space, e.g. 384.</summary>
    int Dimension { get; }

    /// <summary>Encodes one prompt. Throws <see cref="ArgumentException"/> for an empty prompt.</summary>
    float[] Encode(string prompt);

    /// <summary>
    /// Encodes a prompt whose placeholder <see cref="Placeholder.Text"/> stands for a token given as an
    /// input-embedding vector of length <see cref="Dimension"/>.
    /// </summary>
    float[] EncodeWithToken(string template, float[] token);
}
