using DisTok.Web.Training;

namespace DisTok.Web.Tests.Training;

public class BackgroundPriorityTests
{
    [Fact]
    public void Lowering_affects_the_calling_thread_only()
    {
        if (!OperatingSystem.IsLinux()) return;   // the nice value is Linux's; elsewhere the thread priority is set
        int lowered = -1, other = -1;
        var thread = new Thread(() =>
        {
            Assert.True(BackgroundPriority.LowerCurrentThread(10));
            lowered = NiceOfThisThread();
        });
        thread.Start();
        thread.Join();
        var neighbour = new Thread(() => other = NiceOfThisThread());
        neighbour.Start();
        neighbour.Join();
        Assert.Equal(10, lowered);
        Assert.Equal(NiceOfThisThread(), other);   // a thread started elsewhere keeps the process's priority
    }

    // Field 19 of /proc/thread-self/stat (after the command name in parentheses) is the nice value.
    static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16]);
    }
}
