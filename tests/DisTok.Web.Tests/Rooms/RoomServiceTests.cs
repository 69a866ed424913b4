using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using DisTok.Web.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Rooms;

/// <summary>Room edits and room generation through the app's own services, on the real SQLite file and worker.</summary>
public class RoomServiceTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    async Task<string> NewRoomAsync() => (await Get<RoomStore>().CreateAsync("test room", "a photo of a <*>")).Id;

    [Fact]
    public async Task An_edit_is_stored_and_pushed_to_every_member_with_its_revision()
    {
        var roomId = await NewRoomAsync();
        var heard = new List<long>();
        using var other = Get<RoomHubState>().Join(roomId, "other", n => { if (n.Kind == RoomNoticeKind.Edited) lock (heard) heard.Add(n.Room!.Revision); });

        var room = await Get<RoomEditor>().SetWeightAsync(roomId, "Pig", 40, "me");
        Assert.Equal("pig", Assert.Single(room.Weights).Key);
        Assert.Equal([room.Revision], heard);
        Assert.Equal(40, (await Get<RoomStore>().GetAsync(roomId)).Weights[0].Weight);
    }

    [Theory]
    [InlineData("pig", double.NaN, "weight must be a number")]
    [InlineData("pig", -1, "weight must be a number between 0 and 100")]
    [InlineData("pig", 101, "weight must be a number between 0 and 100")]
    [InlineData("yeti", 10, "unknown concept 'yeti'")]
    [InlineData("<script>", 10, "unknown concept '<script>'")]
    public async Task Bad_edits_get_a_message_and_change_nothing(string key, double weight, string message)
    {
        var roomId = await NewRoomAsync();
        var before = await Get<RoomStore>().GetAsync(roomId);
        var e = await Assert.ThrowsAsync<StudioValidationException>(() => Get<RoomEditor>().SetWeightAsync(roomId, key, weight, "me"));
        Assert.Contains(message, e.Message);
        Assert.Equal(before.Revision, (await Get<RoomStore>().GetAsync(roomId)).Revision);
    }

    [Fact]
    public async Task A_room_holds_at_most_16_concepts()
    {
        var roomId = await NewRoomAsync();
        var names = ConceptCatalog.Default.Concepts.Select(c => c.Name).Take(17).ToList();
        foreach (var name in names.Take(16)) await Get<RoomEditor>().SetWeightAsync(roomId, name, 1, "me");
        var e = await Assert.ThrowsAsync<StudioValidationException>(() => Get<RoomEditor>().SetWeightAsync(roomId, names[16], 1, "me"));
        Assert.Contains("at most 16 concepts", e.Message);
        Assert.Equal(16, (await Get<RoomStore>().GetAsync(roomId)).Weights.Count);
    }

    [Fact]
    public async Task An_unknown_room_is_not_found()
    {
        var e = await Assert.ThrowsAsync<StudioNotFoundException>(() => Get<RoomEditor>().SetWeightAsync("AAAAAAAAAAAAAAAAAAAAAA", "pig", 1, "me"));
        Assert.Contains("not found", e.Message);
    }

    [Theory]
    [InlineData(new string[0], new double[0], "the distribution has no concepts")]
    [InlineData(new[] { "pig", "sheep" }, new double[] { 0, 0 }, "all weights are zero")]
    public async Task A_room_that_cannot_be_normalised_gets_a_message_and_queues_nothing(string[] keys, double[] weights, string message)
    {
        var roomId = await NewRoomAsync();
        for (int i = 0; i < keys.Length; i++) await Get<RoomEditor>().SetWeightAsync(roomId, keys[i], weights[i], "me");
        var room = await Get<RoomStore>().GetAsync(roomId);
        int depth = Get<GenerationQueue>().Depth;
        var e = await Assert.ThrowsAsync<InvalidDistributionException>(() => Get<RoomGeneration>().StartAsync(room, 0, 2, new JobOrigin("gen-bad", roomId)));
        Assert.Contains(message, e.Message);
        Assert.Equal(depth, Get<GenerationQueue>().Depth);
        Assert.Empty(Get<RoomHubState>().Jobs(roomId));
    }

    [Fact]
    public async Task A_room_generation_reports_normalisation_reaches_every_member_and_lands_in_the_history()
    {
        var roomId = await NewRoomAsync();
        await Get<RoomEditor>().SetWeightAsync(roomId, "pig", 30, "me");
        await Get<RoomEditor>().SetWeightAsync(roomId, "sheep", 100, "me");
        var room = await Get<RoomStore>().GetAsync(roomId);
        var stored = new TaskCompletionSource<DisTok.Data.Entities.RoomImage>();
        var steps = new List<int>();
        using var other = Get<RoomHubState>().Join(roomId, "other", n =>
        {
            if (n.Kind == RoomNoticeKind.Job && n.Job!.Status == GenerationStatus.Running) lock (steps) steps.Add(n.Job.Step);
            if (n.Kind == RoomNoticeKind.ImageAdded) stored.TrySetResult(n.Image!);
        });

        var start = await Get<RoomGeneration>().StartAsync(room, 7, 3, new JobOrigin("gen-ok", roomId, "me"));
        Assert.Equal("weights sum to 130, normalised to pig=0.2308,sheep=0.7692", start.Normalisation);
        var image = await stored.Task.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains(3, steps);
        Assert.Equal(GenerationStatus.Done, start.Job.Status);
        Assert.Equal((7, 3, "a photo of a <*>", "pig=0.2308,sheep=0.7692", "me"), (image.Seed, image.Steps, image.Template, image.DistributionText, image.CreatedBy));
        Assert.StartsWith("distok ", image.ModelVersion);
        Assert.Equal(image.Id, Assert.Single(await Get<RoomStore>().HistoryAsync(roomId)).Id);
        Assert.Empty(Get<RoomHubState>().Jobs(roomId));
    }
}
