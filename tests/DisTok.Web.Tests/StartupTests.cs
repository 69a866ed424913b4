using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.ML.Vision;
using DisTok.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests;

/// <summary>What the app sets up at start: the SQLite file with its schema, and the optional models.</summary>
public class StartupTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task The_database_file_is_created_where_configured_and_migrated()
    {
        Assert.True(File.Exists(app.DatabasePath));
        var room = await app.Services.GetRequiredService<RoomStore>().CreateAsync("startup", "a photo of a <*>");
        Assert.Equal(1, room.Revision);
    }

    [Fact]
    public void The_DisTok_model_loads_from_the_models_folder()
    {
        var slot = app.Services.GetRequiredService<OptionalModel<DisTokModel>>();
        Assert.True(slot.TryGet(out var model, out _));
        Assert.Equal(60, model.KnownConcepts.Count);
    }

    [Fact]
    public void A_missing_labeler_is_reported_as_not_installed()
    {
        var slot = app.Services.GetRequiredService<OptionalModel<SoftLabeler>>();
        Assert.False(slot.Installed);
        Assert.False(slot.TryGet(out _, out var problem));
        Assert.StartsWith("soft labeler not installed", problem);
    }

    [Theory]
    [InlineData("QueueCapacity", 0, "Studio:QueueCapacity must be between")]
    [InlineData("MaxJobsPerClient", 0, "Studio:MaxJobsPerClient must be between")]
    [InlineData("MaxRoomConcepts", 17, "Studio:MaxRoomConcepts must be between 1 and 16")]
    [InlineData("HistoryShown", 0, "Studio:HistoryShown must be between")]
    public void Out_of_range_settings_are_named(string setting, int value, string message)
    {
        var options = new StudioOptions();
        typeof(StudioOptions).GetProperty(setting)!.SetValue(options, value);
        Assert.StartsWith(message, options.Problem());
    }
}
