namespace DisTok.Web.Security;

/// <summary>Requests one payer (an account when signed in, else a client address; see <see cref="Identity.Payer"/>) may
/// make per window, by kind (section "RateLimits" of appsettings.json). Over the limit a request gets 429 with
/// Retry-After and nothing happens.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "RateLimits";

    /// <summary>Renders and tokens from the API (<c>POST /api/generations</c>, <c>POST /api/tokens</c>).</summary>
    public WindowLimit Generate { get; set; } = new(60, 60);

    /// <summary>Things that are stored: token uploads into the library and new rooms.</summary>
    public WindowLimit Store { get; set; } = new(20, 60);

    /// <summary>Study creation.</summary>
    public WindowLimit CreateStudy { get; set; } = new(10, 3600);

    /// <summary>Joining studies and voting (generous: a class behind one address votes together).</summary>
    public WindowLimit Participate { get; set; } = new(1200, 60);

    /// <summary>Sign-in attempts (on top of the account lockout).</summary>
    public WindowLimit SignIn { get; set; } = new(10, 60);

    /// <summary>New hub and Blazor circuit connections.</summary>
    public WindowLimit Connect { get; set; } = new(60, 60);

    /// <summary>The policies by name, as endpoints refer to them.</summary>
    public IEnumerable<(string Name, WindowLimit Limit)> Policies() =>
    [
        (RateLimits.Generate, Generate), (RateLimits.Store, Store), (RateLimits.CreateStudy, CreateStudy),
        (RateLimits.Participate, Participate), (RateLimits.SignIn, SignIn), (RateLimits.Connect, Connect),
    ];

    /// <summary>A message for the first limit that cannot be used, or null.</summary>
    public string? Problem() => Policies()
        .Select(p => p.Limit.Permits is < 1 or > 1_000_000 ? $"RateLimits:{p.Name}:Permits must be between 1 and 1000000, got {p.Limit.Permits}"
            : p.Limit.WindowSeconds is < 1 or > 86_400 ? $"RateLimits:{p.Name}:WindowSeconds must be between 1 and 86400, got {p.Limit.WindowSeconds}"
            : null)
        .FirstOrDefault(m => m is not null);
}

/// <summary>At most <see cref="Permits"/> requests per <see cref="WindowSeconds"/> (a fixed window).</summary>
public sealed class WindowLimit
{
    /// <summary>For configuration binding.</summary>
    public WindowLimit() { }

    /// <summary>A limit of <paramref name="permits"/> per <paramref name="windowSeconds"/>.</summary>
    public WindowLimit(int permits, int windowSeconds) => (Permits, WindowSeconds) = (permits, windowSeconds);

    /// <summary>Requests allowed per window.</summary>
    public int Permits { get; set; }

    /// <summary>The window's length in seconds.</summary>
    public int WindowSeconds { get; set; }
}
