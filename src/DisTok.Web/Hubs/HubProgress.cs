namespace DisTok.Web.Hubs;

/// <summary>One progress event of a hub job, sent to the caller as <c>progress</c>.</summary>
/// <param name="JobId">The job (as returned by <c>Submit</c>).</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>done</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Step">The last finished denoising step.</param>
/// <param name="Total">Steps in all.</param>
/// <param name="QueuePosition">1-based place in the queue while queued; 0 otherwise.</param>
/// <param name="PreviewPng">The latest step's preview, base64 PNG (while running).</param>
/// <param name="ImagePng">The final image, base64 PNG (when done).</param>
/// <param name="Error">Why it failed or that it was cancelled.</param>
public sealed record HubProgress(string JobId, string Status, int Step, int Total, int QueuePosition, string? PreviewPng, string? ImagePng, string? Error);
