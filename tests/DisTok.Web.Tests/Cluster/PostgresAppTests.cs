using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using DisTok.Tests.Shared;
using DisTok.Web.Tests.Accounts;
using DisTok.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Cluster;

/// <summary>The real app with <c>Studio:Database = Postgres</c> on a database of our own.</summary>
public sealed class PostgresAppFactory(string connectionString) : StudioAppFactory(withDisTok: true)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [("Studio:Database", "Postgres"), ("ConnectionStrings:Studio", connectionString)];
}

/// <summary>The whole app on PostgreSQL: what it stores (rooms, accounts, tokens) is there after a restart on the same
/// database, and an unreachable server stops the start with a message that names it.</summary>
[Trait("Database", "PostgreSQL")]
public class PostgresAppTests
{
    [Fact]
    public async Task Rooms_accounts_and_tokens_stored_on_PostgreSQL_are_there_after_a_restart()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            string room, email, token;
            await using (var first = new PostgresAppFactory(database))
            {
                var (http, made) = await SignInForm.NewAccountAsync(first, StudioRoles.User);
                email = made;
                var created = await http.PostAsJsonAsync("/api/rooms", new { name = "on postgres", template = "a sketch of a <*>" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                room = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                await first.Services.GetRequiredService<RoomStore>().SetWeightAsync(room, "pig", 55, "ada");
                var file = await (await http.PostAsJsonAsync("/api/tokens", new { distribution = "pig=0.5,owl=0.5" })).Content.ReadAsStringAsync();
                var saved = await http.PostAsync("/api/library?name=pig%20owl", new StringContent(file, System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
                token = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                http.Dispose();
            }
            await using (var restarted = new PostgresAppFactory(database))
            {
                using var http = (await SignInForm.NewAccountAsync(restarted, StudioRoles.User)).Http;
                var state = await http.GetFromJsonAsync<JsonElement>($"/api/rooms/{room}");
                Assert.Equal("pig", state.GetProperty("weights")[0].GetProperty("key").GetString());
                using var again = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = restarted.BaseAddress };
                Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(again, email, SignInForm.StrongPassword, "/")).StatusCode);
                Assert.Contains(email, await again.GetStringAsync("/"));
                Assert.NotNull(await restarted.Services.GetRequiredService<TokenLibrary>().GetAsync(Guid.Parse(token)));
            }
        }
        finally { TestPostgres.DropDatabase(database); }
    }

    [Fact]
    public void An_unreachable_PostgreSQL_server_stops_the_start_with_a_message_naming_it()
    {
        var e = Assert.ThrowsAny<Exception>(() => new BadSettingFactory(("Studio:Database", "Postgres"),
            ("ConnectionStrings:Studio", "Host=127.0.0.1;Port=1;Database=nowhere;Username=distok;Timeout=3")).Services);
        var all = string.Join(" | ", DeploymentTests.Flatten(e).Select(x => x.Message));
        Assert.Contains("the studio database (PostgreSQL at 127.0.0.1:1, database nowhere) cannot be used", all);
    }
}
