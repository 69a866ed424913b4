using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Text;

[Collection(MiniLmCollection.Name)]
public class MiniLmSlotTests(MiniLmFixture fixture)
{
    [Fact]
    public void Word_embedding_of_pig_in_the_slot_equals_the_plain_prompt()
    {
        var pig = fixture.Encoder.WordEmbedding("pig");
        Assert.Equal(["pig"], pig.Pieces);
        Assert.Equal([10369L], pig.Ids);
        using var scope = NewDisposeScope();
        var slots = tensor(pig.Rows[0], [1, 384]);
        var withSlot = fixture.Encoder.EncodeWithSlots("a photo of a <*>", slots).data<float>().ToArray();
        var plain = fixture.Encoder.Encode("a photo of a pig");
        Assert.InRange(MiniLmFixture.Cosine(withSlot, plain), 0.9999, 1.0001);
        Assert.InRange(MiniLmFixture.Cosine(fixture.Encoder.EncodeWithToken("a photo of a <*>", pig.Rows[0]), plain), 0.9999, 1.0001);
    }

    [Fact]
    public void Word_embedding_exposes_every_piece_of_a_multi_piece_name()
    {
        var hedgehog = fixture.Encoder.WordEmbedding("Hedgehog");
        Assert.Equal(["hedge", "##hog"], hedgehog.Pieces);
        Assert.False(hedgehog.IsSinglePiece);
        Assert.Equal(2, hedgehog.Rows.Count);
        Assert.All(hedgehog.Rows, r => Assert.Equal(384, r.Length));
        Assert.NotEqual(hedgehog.Rows[0], hedgehog.Rows[1]);
        Assert.Equal(384, hedgehog.Mean().Length);
    }

    [Fact]
    public void Batch_of_slots_gives_one_row_each_and_templates_can_differ()
    {
        using var scope = NewDisposeScope();
        var pig = tensor(fixture.Encoder.WordEmbedding("pig").Rows[0]);
        var sheep = tensor(fixture.Encoder.WordEmbedding("sheep").Rows[0]);
        var slots = stack([pig, sheep]);                                  // (2, 384)
        var same = fixture.Encoder.EncodeWithSlots("a <*> in 3d style", slots);
        Assert.Equal([2L, 384], same.shape);
        var rows = same.data<float>().ToArray();
        Assert.InRange(MiniLmFixture.Cosine(rows[..384], fixture.Encoder.Encode("a pig in 3d style")), 0.9999, 1.0001);
        Assert.InRange(MiniLmFixture.Cosine(rows[384..], fixture.Encoder.Encode("a sheep in 3d style")), 0.9999, 1.0001);

        var mixed = fixture.Encoder.EncodeWithSlots(["a photo of a <*>", "a <*> pig"], slots).data<float>().ToArray();
        Assert.InRange(MiniLmFixture.Cosine(mixed[..384], fixture.Encoder.Encode("a photo of a pig")), 0.9999, 1.0001);
        Assert.InRange(MiniLmFixture.Cosine(mixed[384..], fixture.Encoder.Encode("a sheep pig")), 0.9999, 1.0001);

        var two = fixture.Encoder.EncodeWithSlots("a <*> <*>", stack([pig, sheep]).unsqueeze(0)).data<float>().ToArray(); // (1, 2, 384)
        Assert.InRange(MiniLmFixture.Cosine(two, fixture.Encoder.Encode("a pig sheep")), 0.9999, 1.0001);
    }

    [Fact]
    public void Gradient_reaches_the_slots_and_not_the_weights()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var slots = (randn(8, 384, generator: generator) * 0.05f).requires_grad_(true);
        var target = fixture.Encoder.EncodeBatch(["a photo of a cute pet"]);     // (1, 384)
        var encoded = fixture.Encoder.EncodeWithSlots("a photo of a <*>", slots); // (8, 384)
        Assert.True(encoded.requires_grad);
        var loss = (1 - nn.functional.cosine_similarity(encoded, target.expand(8, 384), dim: 1)).mean();
        loss.backward();

        var grad = slots.grad;
        Assert.NotNull(grad);
        Assert.Equal([8L, 384], grad.shape);
        Assert.True(grad.isfinite().all().item<bool>());
        Assert.True(grad.norm().item<float>() > 1e-6f);
        Assert.All(fixture.Encoder.Model.parameters(), p =>
        {
            Assert.False(p.requires_grad);
            Assert.Null(p.grad);
        });
    }
}
