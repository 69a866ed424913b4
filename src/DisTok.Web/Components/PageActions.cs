using DisTok.Data.Validation;
using DisTok.Web.Api;

namespace DisTok.Web.Components;

/// <summary>
/// How pages run what a person clicked: a failure the person can act on — bad input, something gone, someone else's
/// thing, a state that forbids it, unusable model files, a missing model — becomes the message the page shows;
/// anything else is a bug and propagates (to the error boundary and the log).
/// </summary>
public static class PageActions
{
    /// <summary>Runs <paramref name="action"/>; returns null when it succeeded, else the message to show.</summary>
    public static async Task<string?> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e) when (IsForPeople(e)) { return e.Message; }
    }

    /// <summary>True for the exceptions whose message is meant for the person who caused them.</summary>
    public static bool IsForPeople(Exception e) =>
        e is ArgumentException or StudioNotFoundException or UnauthorizedAccessException or StudioConflictException
            or InvalidDataException or ModelMissingException;
}
