using System.Runtime.InteropServices;

namespace DisTok.Web.Training;

/// <summary>
/// Lowers the scheduling priority of the calling thread, for background work that shares the CPU with interactive
/// generation. On Linux it raises the thread's nice value (threads it starts afterwards, such as the math library's
/// worker threads, inherit it), so when both want a core the scheduler gives most of it to generation; elsewhere it
/// sets <see cref="ThreadPriority.BelowNormal"/>. Call it first thing on a dedicated thread, never on a pool thread.
/// </summary>
public static class BackgroundPriority
{
    const int PrioProcess = 0;   // with a thread id, setpriority acts on that thread alone (Linux)

    /// <summary>Lowers this thread's priority; returns false when the system refused (the work still runs, at normal priority).</summary>
    /// <param name="nice">The Linux nice value, 1 (a little lower) to 19 (lowest).</param>
    public static bool LowerCurrentThread(int nice = 10)
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return true;
        }
        try { return setpriority(PrioProcess, gettid(), Math.Clamp(nice, 1, 19)) == 0; }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    static extern int gettid();
}
