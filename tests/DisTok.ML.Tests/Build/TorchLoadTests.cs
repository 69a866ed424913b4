namespace DisTok.ML.Tests.Build;

public class TorchLoadTests
{
    [Fact]
    public void TorchSharp_native_library_loads_and_computes()
    {
        Assert.Equal("2", global::DisTok.ML.Torch.TorchRuntime.Probe().ToString());
    }
}
