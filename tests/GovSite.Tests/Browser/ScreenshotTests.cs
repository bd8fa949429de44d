namespace GovSite.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class ScreensCollection : ICollectionFixture<ScreensFixture>
{
    public const string Name = "Screens";
}

/// <summary>
/// Screenshots as a check (issue 23): the public and back-office pages at 390 px and 1366 px compared
/// with the reviewed references in Browser/Screenshots/. To accept an intended change:
/// <c>GOVSITE_UPDATE_SCREENSHOTS=1 dotnet test tests/GovSite.Tests --filter "FullyQualifiedName~ScreenshotTests"</c>,
/// look at the changed PNGs and commit them.
/// </summary>
[Trait("Category", "Browser")]
[Collection(ScreensCollection.Name)]
public class ScreenshotTests(ScreensFixture app)
{
    public static TheoryData<string, int> Screens => Screen.AtBothWidths();

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_page_looks_as_its_reviewed_reference(string name, int width)
    {
        var screen = app.Screens[name];
        var page = await app.OpenAsync(screen, width);
        try
        {
            var shot = await ScreenshotComparison.TakeAsync(page, screen);
            var outcome = await ScreenshotComparison.CompareAsync(app.Browser, $"{name}-{width}", shot);
            outcome.Passed.ShouldBeTrue(outcome.Message);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The check can fail: one CSS rule changed on the page, and the comparison says so by name and share.</summary>
    [Fact]
    public async Task A_changed_css_rule_fails_the_comparison_naming_the_page_and_writing_a_diff()
    {
        if (ScreenshotComparison.Updating)
        {
            return;
        }
        var screen = app.Screens["home"];
        var page = await app.OpenAsync(screen, 1366);
        try
        {
            // A regression of the kind the check is for: the main column's spacing changes.
            await page.AddStyleTagAsync(new() { Content = "#main { padding-top: 24px !important; }" });
            var outcome = await ScreenshotComparison.CompareAsync(app.Browser, "home-1366", await ScreenshotComparison.TakeAsync(page, screen));
            outcome.Passed.ShouldBeFalse();
            outcome.DifferingShare.ShouldBeGreaterThan(ScreenshotComparison.ShareTolerance);
            outcome.Message.ShouldStartWith("home-1366: ");
            outcome.Message.ShouldContain("of pixels differ from the reference");
            File.Exists(Path.Combine(ScreenshotComparison.OutputDirectory, "home-1366.diff.png")).ShouldBeTrue();
            File.Exists(Path.Combine(ScreenshotComparison.OutputDirectory, "home-1366.actual.png")).ShouldBeTrue();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
