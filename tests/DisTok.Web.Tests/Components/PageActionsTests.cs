using DisTok.Data.Validation;
using DisTok.Web.Components;

namespace DisTok.Web.Tests.Components;

public class PageActionsTests
{
    [Fact]
    public async Task Failures_meant_for_people_become_the_message_and_bugs_propagate()
    {
        Assert.Null(await PageActions.RunAsync(() => Task.CompletedTask));
        Assert.Equal("name is too long", await PageActions.RunAsync(() => throw new StudioValidationException("name", "name is too long")));
        Assert.Equal("only whoever made this token (or an administrator) may change it",
            await PageActions.RunAsync(() => throw new StudioForbiddenException("only whoever made this token (or an administrator) may change it")));
        Assert.Equal("busy", await PageActions.RunAsync(() => throw new StudioConflictException("busy")));
        await Assert.ThrowsAsync<NullReferenceException>(() => PageActions.RunAsync(() => throw new NullReferenceException()));
    }
}
