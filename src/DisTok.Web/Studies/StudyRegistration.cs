namespace DisTok.Web.Studies;

/// <summary>Registers the user study's services.</summary>
public static class StudyRegistration
{
    /// <summary>Adds <see cref="StudyArmRequests"/>, the <see cref="StudyRenderer"/> background service and <see cref="StudyVotes"/>.</summary>
    public static WebApplicationBuilder AddStudies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StudyArmRequests>();
        builder.Services.AddSingleton<StudyRenderer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StudyRenderer>());
        builder.Services.AddSingleton<StudyVotes>();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }
}
