using System.Net;
using System.Net.Http.Json;
using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using DisTok.Web.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Training;

/// <summary>Every admin API route refuses anonymous callers (401) and signed-in non-admins (403), and changes nothing.</summary>
public class AdminRouteAccessTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/admin/training" },
        { "POST", "/api/admin/training" },
        { "POST", "/api/admin/training/1/cancel" },
        { "GET", "/api/admin/versions" },
        { "POST", "/api/admin/versions/0/promote" },
        { "POST", "/api/admin/versions/0/evaluate" },
    };

    static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { steps = 2 }) : null };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_callers_get_401_and_plain_users_403(string method, string path)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var response = await anonymous.SendAsync(Request(method, path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var user = (await SignInForm.NewAccountAsync(app, StudioRoles.User)).Http;
        var refused = await user.SendAsync(Request(method, path));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await refused.Content.ReadAsStringAsync());

        Assert.Empty(await app.Services.GetRequiredService<TrainingRuns>().ListAsync());
        Assert.Empty(await app.Services.GetRequiredService<ModelVersions>().PromotionsAsync());
    }
}
