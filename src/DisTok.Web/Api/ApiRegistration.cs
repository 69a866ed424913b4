using Scalar.AspNetCore;

namespace DisTok.Web.Api;

/// <summary>The REST API under <c>/api</c>, its OpenAPI document (<c>/openapi/v1.json</c>) and a browsable reference (<c>/api/reference</c>).</summary>
public static class ApiRegistration
{
    /// <summary>The OpenAPI document and the store of API jobs.</summary>
    public static WebApplicationBuilder AddStudioApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "DisTok Studio API";
            doc.Info.Description = "Blend concepts into creative tokens, render them, and keep them in the library. " +
                                   "Errors are RFC 7807 problem documents whose detail says what was wrong.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton<ApiJobs>();
        return builder;
    }

    /// <summary>Maps the endpoints, the document and the reference page.</summary>
    public static WebApplication MapStudioApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiErrors>().DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        GenerationEndpoints.Map(api);
        TokenEndpoints.Map(api);
        RemixEndpoints.Map(api);
        LibraryEndpoints.Map(api);
        RoomEndpoints.Map(api);
        StudyEndpoints.Map(api);
        AdminEndpoints.Map(api);
        AccountTokenEndpoints.Map(api);
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("DisTok Studio API"));
        return app;
    }
}
