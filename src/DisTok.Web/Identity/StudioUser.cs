using DisTok.Data.Validation;

namespace DisTok.Web.Identity;

/// <summary>
/// The person at this browser: a random client id (cookie, used for rate limits and "who may cancel") and a display
/// name shown to others (cookie, "guest-xxxx" until they change it). Accounts come with the admin feature.
/// One instance per circuit, cascaded from <c>Routes</c>.
/// </summary>
/// <param name="clientId">The browser's client id from its cookie.</param>
/// <param name="displayName">The display name from its cookie, or a guest name.</param>
public sealed class StudioUser(string clientId, string displayName)
{
    /// <summary>The browser's random client id; never shown to others.</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The name others see.</summary>
    public string DisplayName { get; private set; } = displayName;

    /// <summary>Who owns what this person makes, and whether they are an administrator (set from the circuit's sign-in).</summary>
    public DisTok.Data.Validation.StudioActor Actor { get; set; } = new($"client:{clientId}", false);

    /// <summary>The name admin actions are recorded under (the signed-in account's, see <see cref="Owners.AdminNameOf"/>).</summary>
    public string AdminName { get; set; } = "admin";

    /// <summary>Whose share this person's generations count against (their account, else their address; see <see cref="Identity.Payer"/>).</summary>
    public string Payer { get; set; } = Identity.Payer.AddressKey(null);

    /// <summary>The address and scheme the studio saw when the page was opened (after a known proxy's forwarded headers),
    /// e.g. "203.0.113.7 over https": the admin page shows it so an operator can check the proxy set-up.</summary>
    public string SeenFrom { get; set; } = "an unknown address";

    /// <summary>The owner identity things made here are stored with.</summary>
    public string Owner => Actor.Owner!;

    /// <summary>Raised after <see cref="Rename"/> changed the name.</summary>
    public event Action? Renamed;

    /// <summary>Changes the display name.</summary>
    /// <returns>The cleaned name.</returns>
    /// <exception cref="StudioValidationException">Blank, too long, or with control characters.</exception>
    public string Rename(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new StudioValidationException("name", "a display name can't be blank");
        DisplayName = StudioInput.DisplayName(name, "display name");
        Renamed?.Invoke();
        return DisplayName;
    }
}
