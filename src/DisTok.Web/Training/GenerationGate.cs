using DisTok.Web.Generation;

namespace DisTok.Web.Training;

/// <summary>
/// How background work (training, its sample images, its evaluation) gives interactive generation the machine: it
/// waits while the queue has anything queued or rendering, and a background render is abandoned the moment a job is
/// queued, then started again from the beginning once the queue is idle (renders are deterministic per seed, so the
/// result is the same).
/// </summary>
public sealed class GenerationGate(GenerationQueue queue)
{
    /// <summary>Waits while anything is queued or rendering (or until <paramref name="ct"/> is cancelled).</summary>
    public void Wait(CancellationToken ct)
    {
        while (queue.IsBusy && !ct.IsCancellationRequested) Thread.Sleep(5);
    }

    /// <summary>Runs <paramref name="render"/> while the queue is idle, giving way (and retrying) whenever a job arrives.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public T Run<T>(Func<CancellationToken, T> render, CancellationToken ct)
    {
        while (true)
        {
            var arrival = queue.NextArrival;     // read before the check: a job queued after it cancels this token
            Wait(ct);
            ct.ThrowIfCancellationRequested();
            if (arrival.IsCancellationRequested) continue;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, arrival);
            try { return render(linked.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }   // a person's render came in: give way
        }
    }
}
