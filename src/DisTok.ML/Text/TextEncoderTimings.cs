namespace DisTok.ML.Text;

/// <summary>Median wall-clock times of the text encoder, in milliseconds.</summary>
/// <param name="TorchEncodeMs">One short prompt through <see cref="MiniLmTextEncoder.Encode(string)"/>.</param>
/// <param name="OnnxEncodeMs">The same prompt through <see cref="OnnxMiniLmReference.Encode(string)"/>.</param>
/// <param name="SlotsForwardBackwardMs">EncodeWithSlots on a batch of <paramref name="Batch"/> slots, a cosine loss, and backward.</param>
/// <param name="TorchThreads">torch.get_num_threads() during the measurement.</param>
public sealed record TextEncoderTimings(double TorchEncodeMs, double OnnxEncodeMs, double SlotsForwardBackwardMs, int Batch, int TorchThreads);
