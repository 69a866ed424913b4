namespace DisTok.Queue;

/// <summary>The cluster-wide limits a job is admitted under (the studio's <c>MaxJobsPer…</c> and <c>QueueCapacity</c>).</summary>
/// <param name="PerClient">Queued or running jobs per client key.</param>
/// <param name="PerPayer">Queued or running jobs per address or account (the payer).</param>
/// <param name="Capacity">Jobs waiting in the whole cluster.</param>
public sealed record QueueLimits(int PerClient, int PerPayer, int Capacity);

/// <summary>Why a job was not admitted, or <see cref="Admitted"/>.</summary>
public enum Admission
{
    /// <summary>Queued.</summary>
    Admitted,

    /// <summary>Its client has <see cref="QueueLimits.PerClient"/> jobs queued or running.</summary>
    ClientFull,

    /// <summary>Its payer has <see cref="QueueLimits.PerPayer"/> jobs queued or running.</summary>
    PayerFull,

    /// <summary><see cref="QueueLimits.Capacity"/> jobs are waiting.</summary>
    QueueFull,
}
