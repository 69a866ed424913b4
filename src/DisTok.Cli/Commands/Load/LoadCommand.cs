using System.CommandLine;
using System.Text.Json.Nodes;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// `distok load coedit|queue|memory|study|training|abuse|failover|workers --url http://127.0.0.1:PORT`: bounded load runs against a studio running on this
/// machine (loopback only); each prints its figures (one JSON object with --json) and stops by itself.
/// </summary>
public static class LoadCommand
{
    public static Command Create()
    {
        var command = new Command("load", "Load runs against a running studio on this machine: co-edit latency, queue, memory, study votes, generation beside training.");
        command.Subcommands.Add(CoEdit());
        command.Subcommands.Add(Queue());
        command.Subcommands.Add(Memory());
        command.Subcommands.Add(Study());
        command.Subcommands.Add(StudyVerify());
        command.Subcommands.Add(Training());
        command.Subcommands.Add(Abuse());
        command.Subcommands.Add(Failover());
        command.Subcommands.Add(Workers());
        return command;
    }

    static Option<string> Url() => new("--url") { Description = "The studio (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };

    static Option<bool> Json() => new("--json") { Description = "Print one JSON object." };

    static Option<int> Minutes() => new("--max-minutes") { Description = "Give up after this long.", DefaultValueFactory = _ => 20 };

    static Command CoEdit()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var clients = new Option<int>("--clients") { Description = "Connections in the room (2..100).", DefaultValueFactory = _ => 20 };
        var edits = new Option<int>("--edits") { Description = "Edits sent (1..10000).", DefaultValueFactory = _ => 400 };
        var rate = new Option<double>("--rate") { Description = "Edits per second (0.1..1000).", DefaultValueFactory = _ => 20 };
        url.Description = "The studio (loopback only); several, comma-separated (e.g. a cluster's nodes), spread the clients over them in turn.";
        var command = new Command("coedit", "Latency of an edit reaching the other clients of a room.") { url, json, minutes, clients, edits, rate };
        command.SetAction(async (parse, ct) =>
        {
            int n = parse.GetValue(clients), e = parse.GetValue(edits);
            double r = parse.GetValue(rate);
            if (n is < 2 or > 100) throw new ArgumentException($"--clients must be between 2 and 100, got {n}");
            if (e is < 1 or > 10_000) throw new ArgumentException($"--edits must be between 1 and 10000, got {e}");
            if (r is < 0.1 or > 1000) throw new ArgumentException($"--rate must be between 0.1 and 1000, got {r}");
            var targets = parse.GetValue(url)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(LoadTarget.Open).ToList();
            try { return await RunBounded(parse.GetValue(minutes), ct, c => new CoEditRun(targets, n, e, r).RunAsync(c), parse.GetValue(json)); }
            finally { foreach (var t in targets) t.Dispose(); }
        });
        return command;
    }

    static Command Failover()
    {
        Option<string> url = Url();
        url.Description = "The cluster's proxy (loopback only).";
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var clients = new Option<int>("--clients") { Description = $"People editing, one concept each (2..{FailoverRun.MaxClients}).", DefaultValueFactory = _ => 16 };
        var seconds = new Option<int>("--seconds") { Description = "How long they edit (10..600).", DefaultValueFactory = _ => 40 };
        var killPid = new Option<int?>("--kill-pid") { Description = "The studio node to SIGKILL partway (its process id; only a DisTok.Web process is accepted)." };
        var killAt = new Option<int>("--kill-at") { Description = "Seconds into the run to kill it.", DefaultValueFactory = _ => 15 };
        var command = new Command("failover", "A studio node killed during co-editing: clients reconnect through the proxy; is any acknowledged edit lost?")
            { url, json, minutes, clients, seconds, killPid, killAt };
        command.SetAction(async (parse, ct) =>
        {
            int n = parse.GetValue(clients), s = parse.GetValue(seconds), k = parse.GetValue(killAt);
            if (n < 2 || n > FailoverRun.MaxClients) throw new ArgumentException($"--clients must be between 2 and {FailoverRun.MaxClients}, got {n}");
            if (s is < 10 or > 600) throw new ArgumentException($"--seconds must be between 10 and 600, got {s}");
            if (k < 1 || k >= s) throw new ArgumentException($"--kill-at must be between 1 and --seconds - 1, got {k}");
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            return await RunBounded(parse.GetValue(minutes), ct,
                c => new FailoverRun(target, n, TimeSpan.FromSeconds(s), parse.GetValue(killPid), TimeSpan.FromSeconds(k)).RunAsync(c), parse.GetValue(json));
        });
        return command;
    }

    static Command Workers()
    {
        Option<string> url = Url();
        url.Description = "The cluster's studio nodes (loopback only), comma-separated: rooms are spread over them in turn.";
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var rooms = new Option<int>("--rooms") { Description = "Rooms, one member each (1..50).", DefaultValueFactory = _ => 10 };
        var perRoom = new Option<int>("--jobs-per-room") { Description = "Renders per room, distinct seeds (1..100).", DefaultValueFactory = _ => 10 };
        var inFlight = new Option<int>("--in-flight") { Description = "Unfinished renders per member at a time (1..20; the studio's per-client limit is 4).", DefaultValueFactory = _ => 3 };
        var steps = new Option<int>("--steps") { Description = "Denoising steps per render.", DefaultValueFactory = _ => 20 };
        var killPid = new Option<int?>("--kill-pid") { Description = "A generation worker to SIGKILL partway (its process id; only `distok worker` is accepted)." };
        var killAfter = new Option<int>("--kill-after") { Description = "Finished jobs before the kill.", DefaultValueFactory = _ => 30 };
        var command = new Command("workers", "Jobs from many rooms rendered by a cluster's workers, one optionally killed: is every job done once and kept once?")
            { url, json, minutes, rooms, perRoom, inFlight, steps, killPid, killAfter };
        command.SetAction(async (parse, ct) =>
        {
            int nr = parse.GetValue(rooms), nj = parse.GetValue(perRoom), nf = parse.GetValue(inFlight), ka = parse.GetValue(killAfter);
            if (nr is < 1 or > 50) throw new ArgumentException($"--rooms must be between 1 and 50, got {nr}");
            if (nj is < 1 or > 100) throw new ArgumentException($"--jobs-per-room must be between 1 and 100, got {nj}");
            if (nf is < 1 or > 20) throw new ArgumentException($"--in-flight must be between 1 and 20, got {nf}");
            if (ka < 0 || ka >= nr * nj) throw new ArgumentException($"--kill-after must be between 0 and the number of jobs - 1, got {ka}");
            var targets = parse.GetValue(url)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(LoadTarget.Open).ToList();
            try
            {
                return await RunBounded(parse.GetValue(minutes), ct,
                    c => new WorkersRun(targets, nr, nj, nf, parse.GetValue(steps), parse.GetValue(killPid), ka).RunAsync(c), parse.GetValue(json));
            }
            finally { foreach (var t in targets) t.Dispose(); }
        });
        return command;
    }

    static Command Queue()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var rooms = new Option<int>("--rooms") { Description = "Rooms (1..50).", DefaultValueFactory = _ => 10 };
        var perRoom = new Option<int>("--per-room") { Description = "Members per room, one render each (2..20).", DefaultValueFactory = _ => 5 };
        var steps = new Option<int>("--steps") { Description = "Denoising steps per render.", DefaultValueFactory = _ => 20 };
        var command = new Command("queue", "Every member of several rooms renders at once; checks none is lost or doubled.") { url, json, minutes, rooms, perRoom, steps };
        command.SetAction(async (parse, ct) =>
        {
            int nr = parse.GetValue(rooms), np = parse.GetValue(perRoom);
            if (nr is < 1 or > 50) throw new ArgumentException($"--rooms must be between 1 and 50, got {nr}");
            if (np is < 2 or > 20) throw new ArgumentException($"--per-room must be between 2 and 20, got {np}");
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            return await RunBounded(parse.GetValue(minutes), ct, c => new QueueRun(target, nr, np, parse.GetValue(steps)).RunAsync(c), parse.GetValue(json));
        });
        return command;
    }

    static Command Memory()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var generations = new Option<int>("--generations") { Description = "Renders measured (1..5000).", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "Renders before the first reading.", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Denoising steps per render.", DefaultValueFactory = _ => 20 };
        var command = new Command("memory", "Server memory before and after many renders.") { url, json, minutes, generations, warmup, steps };
        command.SetAction(async (parse, ct) =>
        {
            int g = parse.GetValue(generations), w = parse.GetValue(warmup);
            if (g is < 1 or > 5000) throw new ArgumentException($"--generations must be between 1 and 5000, got {g}");
            if (w is < 0 or > 1000) throw new ArgumentException($"--warmup must be between 0 and 1000, got {w}");
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            return await RunBounded(parse.GetValue(minutes), ct, c => new MemoryRun(target, g, w, parse.GetValue(steps)).RunAsync(progress, c), parse.GetValue(json));
        });
        return command;
    }

    static Command Study()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var participants = new Option<int>("--participants") { Description = "Simulated participants voting at once (1..500).", DefaultValueFactory = _ => 30 };
        var acked = new Option<string?>("--acked") { Description = "Append each acknowledged battle id to this file (first line: study id and key)." };
        var email = new Option<string>("--email") { Description = "The account that creates the study; the password is read from standard input.", Required = true };
        var spread = new Option<int>("--spread") { Description = "Seconds over which participants arrive (0: all at once; up to 600).", DefaultValueFactory = _ => 0 };
        var command = new Command("study", "Participants vote concurrently in a new study; checks no vote is lost or counted twice.") { url, json, minutes, participants, acked, email, spread };
        command.SetAction(async (parse, ct) =>
        {
            int n = parse.GetValue(participants);
            if (n is < 1 or > 500) throw new ArgumentException($"--participants must be between 1 and 500, got {n}");
            if (parse.GetValue(spread) is < 0 or > 600) throw new ArgumentException($"--spread must be between 0 and 600 seconds, got {parse.GetValue(spread)}");
            var password = Console.In.ReadLine() ?? throw new ArgumentException("give the account's password on standard input");
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            return await RunBounded(parse.GetValue(minutes), ct, c => new StudyRun(target, n, parse.GetValue(acked), parse.GetValue(email)!, password,
                TimeSpan.FromSeconds(parse.GetValue(spread))).RunAsync(c), parse.GetValue(json));
        });
        return command;
    }

    static Command StudyVerify()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var acked = new Option<string>("--acked") { Description = "The file a `load study --acked` run wrote.", Required = true };
        var command = new Command("study-verify", "After a restart: is every acknowledged vote in the database?") { url, json, minutes, acked };
        command.SetAction(async (parse, ct) =>
        {
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            return await RunBounded(parse.GetValue(minutes), ct, c => StudyRun.VerifyAsync(target, parse.GetValue(acked)!, c), parse.GetValue(json));
        });
        return command;
    }

    static Command Training()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var email = new Option<string>("--email") { Description = "An administrator's e-mail; the password is read from standard input.", Required = true };
        var renders = new Option<int>("--renders") { Description = "Renders per phase, idle and while training (5..1000).", DefaultValueFactory = _ => 40 };
        var steps = new Option<int>("--steps") { Description = "Denoising steps per render.", DefaultValueFactory = _ => 20 };
        var trainSteps = new Option<int>("--train-steps") { Description = "Steps asked of the training run (it is cancelled at the end).", DefaultValueFactory = _ => 4000 };
        var gap = new Option<int>("--gap-ms") { Description = "Pause between renders, as a person would leave (0..60000).", DefaultValueFactory = _ => 500 };
        var poll = new Option<int>("--poll-ms") { Description = "How often a render's progress is read (1..1000).", DefaultValueFactory = _ => 10 };
        var command = new Command("training", "Time-to-first-preview of interactive generation, idle and while a training run goes.")
        {
            url, json, minutes, email, renders, steps, trainSteps, gap, poll,
        };
        command.SetAction(async (parse, ct) =>
        {
            int n = parse.GetValue(renders), g = parse.GetValue(gap), p = parse.GetValue(poll);
            if (n is < 5 or > 1000) throw new ArgumentException($"--renders must be between 5 and 1000, got {n}");
            if (g is < 0 or > 60_000) throw new ArgumentException($"--gap-ms must be between 0 and 60000, got {g}");
            if (p is < 1 or > 1000) throw new ArgumentException($"--poll-ms must be between 1 and 1000, got {p}");
            var password = Console.In.ReadLine() ?? throw new ArgumentException("give the administrator's password on standard input");
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            var run = new TrainingLoadRun(target, parse.GetValue(email)!, password, n, parse.GetValue(steps), parse.GetValue(trainSteps), g, p);
            return await RunBounded(parse.GetValue(minutes), ct, c => run.RunAsync(progress, c), parse.GetValue(json));
        });
        return command;
    }

    static Command Abuse()
    {
        Option<string> url = Url();
        Option<bool> json = Json();
        Option<int> minutes = Minutes();
        var honest = new Option<int>("--honest") { Description = "Honest clients, each from its own loopback address (1..20).", DefaultValueFactory = _ => 5 };
        var renders = new Option<int>("--renders") { Description = "Renders per honest client per phase (1..200).", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Denoising steps per render.", DefaultValueFactory = _ => 20 };
        var gap = new Option<int>("--gap-ms") { Description = "Pause between an honest client's renders (0..60000).", DefaultValueFactory = _ => 300 };
        var poll = new Option<int>("--poll-ms") { Description = "How often a render's progress is read (1..1000).", DefaultValueFactory = _ => 10 };
        var command = new Command("abuse", "Honest clients' time to first preview alone and while one address floods the studio (cookies, hub connections, room joins).")
        {
            url, json, minutes, honest, renders, steps, gap, poll,
        };
        command.SetAction(async (parse, ct) =>
        {
            int h = parse.GetValue(honest), n = parse.GetValue(renders), g = parse.GetValue(gap), p = parse.GetValue(poll);
            if (h is < 1 or > 20) throw new ArgumentException($"--honest must be between 1 and 20, got {h}");
            if (n is < 1 or > 200) throw new ArgumentException($"--renders must be between 1 and 200, got {n}");
            if (g is < 0 or > 60_000) throw new ArgumentException($"--gap-ms must be between 0 and 60000, got {g}");
            if (p is < 1 or > 1000) throw new ArgumentException($"--poll-ms must be between 1 and 1000, got {p}");
            using var target = LoadTarget.Open(parse.GetValue(url)!);
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            return await RunBounded(parse.GetValue(minutes), ct, c => new AbuseRun(target, h, n, parse.GetValue(steps), g, p).RunAsync(progress, c), parse.GetValue(json));
        });
        return command;
    }

    static async Task<int> RunBounded(int minutes, CancellationToken ct, Func<CancellationToken, Task<JsonObject>> run, bool json)
    {
        if (minutes is < 1 or > 240) throw new ArgumentException($"--max-minutes must be between 1 and 240, got {minutes}");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(minutes));
        JsonObject result;
        try { result = await run(limit.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"distok load: stopped after {minutes} min (--max-minutes)");
            return 2;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"distok load: cannot reach the studio: {e.Message}");
            return 2;
        }
        if (json) Console.WriteLine(result.ToJsonString());
        else foreach (var (k, v) in result) Console.WriteLine($"{k,-28} {v?.ToJsonString()}");
        return 0;
    }
}
