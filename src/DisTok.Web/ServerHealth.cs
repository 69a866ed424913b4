using System.Diagnostics;
using DisTok.Web.Generation;

namespace DisTok.Web;

/// <summary><c>/healthz</c>: liveness, plus the figures the load tool watches (queue depth, process memory).</summary>
public static class ServerHealth
{
    /// <summary>Status, waiting jobs, resident memory and managed heap, in bytes.</summary>
    public static IResult Report(GenerationQueue queue)
    {
        using var process = Process.GetCurrentProcess();
        return Results.Ok(new
        {
            status = "ok",
            queueDepth = queue.Depth,
            workingSetBytes = process.WorkingSet64,
            managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
        });
    }
}
