using DisTok.Core.Backbone;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using DisTok.Web.Models;
using Microsoft.AspNetCore.SignalR;

namespace DisTok.Web.Hubs;

/// <summary>
/// The generation queue for non-Blazor clients (scripts, other tools), at <c>/hubs/generation</c>. <c>Submit</c> queues a
/// distribution rendered through DisTok and returns the job id; the caller then receives <c>progress</c> events
/// (<see cref="HubProgress"/>) until the job ends. Bad input comes back as a <see cref="HubException"/> with the reason,
/// and nothing is queued. A connection's jobs are cancelled when it disconnects. The per-client limit counts the
/// browser's client cookie when the connection carries one, else the connection.
/// </summary>
public sealed class GenerationHub(GenerationQueue queue, ServedDisTok distok, IHubContext<GenerationHub> hub, ILogger<GenerationHub> logger) : Hub
{
    const string JobsKey = "jobs";

    /// <summary>Queues a render of <paramref name="distributionText"/> (e.g. <c>pig=0.55,sheep=0.45</c>) into <paramref name="template"/>.</summary>
    /// <returns>The job's id.</returns>
    public string Submit(string distributionText, string template, int seed, int steps)
    {
        try
        {
            var checkedTemplate = StudioInput.Template(template);
            if (!distok.TryGet(out var model, out var problem)) throw new ArgumentException(problem);
            var distribution = DistributionText.Parse(distributionText, model);
            var request = new GenerationRequest(checkedTemplate, seed, steps, Token: model.TokenFor(distribution).Vector);
            var forwarder = new HubProgressForwarder(hub.Clients.Client(Context.ConnectionId), logger);
            var job = queue.Enqueue(request, new JobOrigin(Owner, DisplayName: "hub client", Payer: Payer.Of(Context.GetHttpContext())), forwarder.OnChanged);
            Jobs.RemoveAll(id => queue.Find(id) is null);   // finished ones: the list stays as long as the jobs in the queue
            Jobs.Add(job.Id);
            return job.Id.ToString();
        }
        catch (ArgumentException e)
        {
            throw new HubException(e.Message);
        }
    }

    /// <summary>Cancels one of the caller's jobs, waiting or running.</summary>
    /// <returns>False when the job is unknown or already finished.</returns>
    public bool Cancel(string jobId)
    {
        if (!Guid.TryParse(jobId, out var id)) throw new HubException("that is not a job id");
        try { return queue.Cancel(id, Owner); }
        catch (UnauthorizedAccessException e) { throw new HubException(e.Message); }
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var id in Jobs) queue.Cancel(id, Owner);
        return base.OnDisconnectedAsync(exception);
    }

    string Owner => ClientCookies.MachineOwnerOf(Context.GetHttpContext(), "hub", Context.ConnectionId);

    List<Guid> Jobs => (List<Guid>)(Context.Items.TryGetValue(JobsKey, out var jobs) ? jobs! : Context.Items[JobsKey] = new List<Guid>());
}
