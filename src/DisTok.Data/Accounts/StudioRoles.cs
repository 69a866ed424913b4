namespace DisTok.Data.Accounts;

/// <summary>The two roles: administrators run the service; users keep their own work.</summary>
public static class StudioRoles
{
    /// <summary>Runs the service: status, users, training, model versions.</summary>
    public const string Admin = "admin";

    /// <summary>Owns their library items, rooms and studies.</summary>
    public const string User = "user";
}
