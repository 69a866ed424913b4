using DisTok.Data.Entities;
using DisTok.Data.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Studies;

/// <summary>The results page on the real app, fed the paper's raw counts.</summary>
public class StudyResultsPageTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0];

    [Fact]
    public async Task The_papers_396_to_104_reads_79_2_percent_75_4_to_82_5()
    {
        var studies = app.Services.GetRequiredService<StudyStore>();
        var participation = app.Services.GetRequiredService<StudyParticipation>();
        var study = await studies.CreateAsync(new StudyDraft("Paper", "Which is more creative?", "ok", "a photo of a <*>", 5, false, 0,
            [new("DisTok", "distok"), new("FLUX", "plain_prompt")], ["pig=0.5,sheep=0.5"]));
        await studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Rendering);
        await studies.SaveImageAsync(study.Id, 0, 0, Png);
        await studies.SaveImageAsync(study.Id, 1, 0, Png);
        await studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Open);

        // 100 participants × 5 judgements, as in the paper; DisTok (arm 0) wins 396 of 500.
        int votes = 0;
        for (int p = 0; p < 100; p++)
        {
            var me = await participation.JoinAsync(study.Id, $"10.9.{p / 250}.{p % 250}", $"paper-{p}");
            foreach (var b in await participation.BattlesAsync(study.Id, me))
            {
                bool distokWins = votes++ < 396;
                var full = await BattleAsync(b.Id);
                var choice = (full.LeftArm == 0) == distokWins ? StudyChoice.Left : StudyChoice.Right;
                await participation.VoteAsync(study.Id, me, b.Id, choice, 3000);
            }
        }
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await http.GetStringAsync($"/studies/{study.Id}/results?key={study.OwnerKey}");
        Assert.Contains("396 : 104", html);
        Assert.Contains("79.2% [75.4, 82.5]", html);
        Assert.Contains("data-votes=\"500\"", html);
    }

    async Task<StudyBattle> BattleAsync(string battleId)
    {
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DisTok.Data.StudioDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return db.StudyBattles.Single(b => b.Id == battleId);
    }
}
