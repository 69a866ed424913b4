using Bunit;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.Data.Entities;
using DisTok.Web.Components.Library;
using DisTok.Web.Components.Rooms;

namespace DisTok.Web.Tests.Components;

/// <summary>Library and room components rendered alone: what they show, what they encode, and which events they raise.</summary>
public class LibraryComponentTests : StudioComponentContext
{
    static SavedToken Saved(string name, string? notes = null, params string[] tags)
    {
        var token = new CreativeToken(new float[4], TokenSource.FromDistribution(ConceptDistribution.Parse("pig=0.75,sheep=0.25", ConceptCatalog.Default)),
            new ModelStamp("v1", new string('a', 64), "all-MiniLM-L6-v2", 4), DateTimeOffset.UnixEpoch);
        return SavedToken.FromCreativeToken(token, name, notes, tags, "ann", null, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void A_token_card_encodes_what_people_wrote()
    {
        var cut = Render<TokenCard>(p => p.Add(c => c.Token, Saved("<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "tag")));
        Assert.Empty(cut.FindAll("img[onerror]"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("<script>alert(2)</script>", cut.Find(".token-notes").TextContent);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", cut.Find(".token-name").InnerHtml);
        Assert.Equal("pig=0.75,sheep=0.25", cut.Find(".token-source").TextContent);
    }

    [Fact]
    public void Editing_a_card_raises_the_new_name_notes_and_split_tags()
    {
        TokenEdit? saved = null;
        var token = Saved("old", null, "a");
        var cut = Render<TokenCard>(p => p.Add(c => c.Token, token).Add(c => c.CanChange, true).Add(c => c.OnSave, (TokenEdit e) => saved = e));
        cut.Find(".token-edit").Click();
        cut.Find(".token-edit-name input").Change("new name");
        cut.Find(".token-edit-notes textarea").Change("some notes");
        cut.Find(".token-edit-tags input").Change(" night ,forest,, ");
        cut.Find(".token-save").Click();
        Assert.NotNull(saved);
        Assert.Equal(token.Id, saved.Id);
        Assert.Equal("new name", saved.Name);
        Assert.Equal("some notes", saved.Notes);
        Assert.Equal(["night", "forest"], saved.Tags);
    }

    [Fact]
    public void Someone_elses_token_offers_no_edit_or_delete()
    {
        var cut = Render<TokenCard>(p => p.Add(c => c.Token, Saved("t")).Add(c => c.MadeBy, "made by v2"));
        Assert.Empty(cut.FindAll(".token-edit"));
        Assert.Empty(cut.FindAll(".token-delete"));
        Assert.Single(cut.FindAll(".token-share"));
        Assert.Equal("made by v2", cut.Find(".token-model").TextContent);
    }

    [Fact]
    public void Delete_asks_once_more_before_it_is_raised()
    {
        int deleted = 0;
        var cut = Render<TokenCard>(p => p.Add(c => c.Token, Saved("t")).Add(c => c.CanChange, true).Add(c => c.OnDelete, () => deleted++));
        cut.Find(".token-delete").Click();
        Assert.Equal(0, deleted);
        cut.Find(".token-delete-confirm").Click();
        Assert.Equal(1, deleted);
    }

    [Fact]
    public void The_link_list_offers_revoke_only_for_working_links()
    {
        string? revoked = null;
        var working = new ShareLink { Id = "AAAAAAAAAAAAAAAAAAAAAA", Title = "live", Kind = ShareLinkKind.TokenSet, TokenIds = [Guid.NewGuid(), Guid.NewGuid()] };
        var gone = new ShareLink { Id = "BBBBBBBBBBBBBBBBBBBBBB", Title = "gone", Kind = ShareLinkKind.Token, RevokedUtc = DateTimeOffset.UnixEpoch };
        var cut = Render<ShareLinkList>(p => p.Add(c => c.Links, [working, gone]).Add(c => c.OnRevoke, (string id) => revoked = id));
        Assert.Contains("2 tokens", cut.Find($"tr[data-link-id='{working.Id}']").TextContent);
        Assert.Empty(cut.FindAll($"tr[data-link-id='{gone.Id}'] .link-revoke"));
        Assert.Contains("revoked 1970-01-01", cut.Find($"tr[data-link-id='{gone.Id}'] .link-revoked").TextContent);
        cut.Find($"tr[data-link-id='{working.Id}'] .link-revoke").Click();
        Assert.Equal(working.Id, revoked);
    }

    [Fact]
    public void The_distribution_bar_normalises_only_for_display()
    {
        var cut = Render<DistributionBar>(p => p.Add(c => c.Weights, [("pig", 60.0), ("sheep", 20.0), ("snake", 0.0)]));
        var parts = cut.FindAll(".distribution-part");
        Assert.Equal(2, parts.Count);
        Assert.Contains("width:75%", parts[0].GetAttribute("style"));
        Assert.Contains("width:25%", parts[1].GetAttribute("style"));

        var zero = Render<DistributionBar>(p => p.Add(c => c.Weights, [("pig", 0.0)]));
        Assert.Contains("All weights are zero", zero.Find("#distribution-empty").TextContent);
    }

    [Fact]
    public void A_history_image_restores_on_click_and_keeps_from_its_bookmark()
    {
        RoomImage? restored = null, kept = null;
        var image = new RoomImage { Id = 7, Seed = 3, Png = [0x89, 0x50, 0x4E, 0x47], DistributionText = "pig=1", Template = "a <*>", ModelVersion = "distok v1" };
        var cut = Render<HistoryGallery>(p => p.Add(c => c.Images, [image])
            .Add(c => c.OnRestore, (RoomImage i) => restored = i).Add(c => c.OnKeep, (RoomImage i) => kept = i));
        cut.Find(".history-keep").Click();
        Assert.Same(image, kept);
        Assert.Null(restored);
        cut.Find(".history-item").Click();
        Assert.Same(image, restored);
    }
}
