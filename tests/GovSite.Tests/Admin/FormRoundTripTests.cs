using System.Net;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Publishing.Quality;
using GovSite.PublicSite.Themes;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Admin;

/// <summary>
/// A platform whose rows hold what forms find hard to keep: text with &lt; &gt; &amp; quotes, emoji
/// and line breaks, a 主题分类 and a language the form does not offer, optional fields left empty.
/// </summary>
public sealed class RoundTripFixture : EmptyPlatformFactory
{
    public const string Awkward = "a<b & c>d \"引号\" 'x' 😀 ＜全角＞";
    public const string Lines = "第一行 a<b\r\n　　第二行 & 结束";
    public Site Site { get; private set; } = null!;
    public int ColumnId { get; private set; }
    public int ItemId { get; private set; }
    public int PolicyItemId { get; private set; }
    public int UserId { get; private set; }
    public int RegionId { get; private set; }
    public int OrganisationId { get; private set; }
    public int ListId { get; private set; }
    public int FaqId { get; private set; }
    public int ConsultationId { get; private set; }
    public int SurveyId { get; private set; }
    public int InterviewId { get; private set; }
    public int AnswerId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Site = await CreateSiteAsync("3503000001", "往返测试市人民政府", SiteType.Portal);
        ColumnId = await ColumnIdAsync(Site.Id, "政策文件");
        UserId = (await CreateUserAsync("roundtrip", "RoundTrip123x", (Role.Editor, Site.Id))).Id;
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var library = sp.GetRequiredService<LibraryService>();
            var workflow = sp.GetRequiredService<Workflow>();
            var policy = (await library.CreateAsync(Site.Id, new ItemInput
            {
                ColumnId = ColumnId, Title = "被解读的政策", Body = "<p>政策正文。</p>", DocNumber = "往政〔2026〕1号", Issuer = "往返测试市人民政府",
            })).Value!;
            PolicyItemId = policy.Id;
            var item = (await library.CreateAsync(Site.Id, new ItemInput
            {
                ColumnId = ColumnId, Title = "标题 " + Awkward, Subtitle = Awkward, Summary = Lines, Body = "<p>正文 a&lt;b &amp; c&gt;d 😀</p>",
                Keywords = Awkward, Source = Awkward, Author = Awkward, Issuer = "往返测试市人民政府", DocNumber = "往政〔2026〕2号",
                WrittenDate = new DateOnly(2026, 9, 28), Validity = PolicyValidity.Valid, ImageUrl = "/files/1/picture.png",
                InterpretsItemId = policy.Id, InterpretationKind = InterpretationKind.Expert, GenreClass = "通知",
            })).Value!;
            ItemId = item.Id;
            (await workflow.PublishAsync(item.Id, null)).Succeeded.ShouldBeTrue();
            // Stored before today's taxonomy and languages: the form must show and keep them.
            await db.LibraryItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.SubjectClass, "经济管理").SetProperty(i => i.Language, "bo"));
            await db.Articles.Where(a => a.ItemId == item.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.SubjectCategory, "经济管理"));

            var user = await db.Users.FirstAsync(u => u.Id == UserId);
            user.DisplayName = "王 " + Awkward;
            user.Email = "roundtrip@example.gov.cn";
            var region = new Region { Code = "350399", Name = "区 " + Awkward, Level = RegionLevel.County, ParentId = null };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            RegionId = region.Id;
            var unit = new Organisation { Name = "单位 " + Awkward, RegionId = region.Id, Phone = "0591-12345678", Address = Awkward };
            db.Organisations.Add(unit);
            var list = new QualityList
            {
                SiteId = Site.Id, Kind = QualityListKind.SensitiveWords, Name = "词库 " + Awkward, Terms = "某词\n另一词", TermCount = 2, Version = 1,
                UpdatedAt = DateTime.UtcNow, Severity = QualitySeverity.Warn,
            };
            db.QualityLists.Add(list);
            db.QualitySettings.Add(new QualitySettings { SiteId = Site.Id, NearDuplicate = QualitySeverity.Block, NearDuplicatePercent = 77 });
            db.PublishingSettings.Add(new PublishingSettings { SiteId = Site.Id, IndexNumberPattern = "{code}-{year}-{seq:4}", InterpretationDays = 5 });
            var column = await db.Columns.FirstAsync(c => c.Id == ColumnId);
            column.ReviewLevels = 2;
            column.RequiresConfidentialityReview = true;
            column.Description = Awkward;
            column.Keywords = Awkward;
            await sp.GetRequiredService<MessageService>().EnsureChannelsAsync(Site.Id, default);
            var channel = await db.MessageChannels.FirstAsync(c => c.SiteId == Site.Id);
            channel.Name = "信箱 😀";
            channel.Description = Awkward;
            var faq = new FaqEntry { SiteId = Site.Id, Question = "问 " + Awkward, Answer = Lines, Keywords = Awkward, SortOrder = 7, UpdatedAt = DateTime.UtcNow };
            db.FaqEntries.Add(faq);
            var consultation = new Consultation
            {
                SiteId = Site.Id, Title = "征集 " + Awkward, Body = "<p>草案 a&lt;b</p>", OpensOn = new DateOnly(2026, 11, 1), ClosesOn = new DateOnly(2026, 12, 31),
                IsPublished = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Consultations.Add(consultation);
            var survey = new Survey
            {
                SiteId = Site.Id, Title = "调查 " + Awkward, Description = Lines, OpensOn = new DateOnly(2026, 11, 1), ClosesOn = new DateOnly(2026, 12, 31),
                IsPublished = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Questions =
                [
                    new SurveyQuestion { SortOrder = 1, Text = "问题 " + Awkward, Type = SurveyQuestionType.SingleChoice, Options = "是 <a>\n否 & 不", IsRequired = true },
                    new SurveyQuestion { SortOrder = 2, Text = "意见", Type = SurveyQuestionType.Text, Options = "", IsRequired = false },
                ],
            };
            db.Surveys.Add(survey);
            var interview = new Interview
            {
                SiteId = Site.Id, Title = "访谈 " + Awkward, Guests = "嘉宾 " + Lines, Description = Lines,
                StartsAt = new DateTime(2026, 12, 20, 2, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 12, 20, 4, 0, 0, DateTimeKind.Utc),
                IsPublished = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Interviews.Add(interview);
            var answer = new GovSite.Search.SearchAnswer { SiteId = Site.Id, Title = "答 " + Awkward, Triggers = "社保 医保", Answer = Lines, Url = "/x?a=1&b=2", UrlText = Awkward };
            db.SearchAnswers.Add(answer);
            await db.SaveChangesAsync();
            OrganisationId = unit.Id;
            ListId = list.Id;
            FaqId = faq.Id;
            ConsultationId = consultation.Id;
            SurveyId = survey.Id;
            InterviewId = interview.Id;
            AnswerId = answer.Id;
            await sp.GetRequiredService<ThemeService>().SetAsync(Site.Id, ThemeSettings.Parse(null) with { });
            return 0;
        });
    }

    public Task<T> DbAsync<T>(Func<GovSiteDb, Task<T>> work) => AsSystemAsync(sp => work(sp.GetRequiredService<GovSiteDb>()));
}

/// <summary>
/// Every back-office form that edits a stored row: open it, save without touching anything, and
/// the row is as it was but for its version and its trail (and the time it was saved). What the
/// form cannot offer is shown and kept; text comes back exactly as stored.
/// </summary>
public class FormRoundTripTests(RoundTripFixture app) : IClassFixture<RoundTripFixture>
{
    /// <summary>What a save may change without changing what the row says.</summary>
    private static readonly HashSet<string> Bookkeeping = ["UpdatedAt", "UpdatedById", "UpdatedBy", "VersionNumber", "Version"];

    private async Task<Dictionary<string, object?>> RowAsync<T>(Func<GovSiteDb, Task<T>> load) where T : class =>
        await app.DbAsync(async db =>
        {
            var entity = await load(db);
            return db.Entry(entity).Properties.Where(p => !Bookkeeping.Contains(p.Metadata.Name))
                .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
        });

    private async Task RoundTripAsync<T>(string url, string? handler, Func<GovSiteDb, Task<T>> load, string user = "admin") where T : class
    {
        var before = await RowAsync(load);
        using var session = await BackOfficeSession.SignInAsync(app, user, user == "admin" ? GovSiteFactory.AdminPassword : "RoundTrip123x");
        var page = await session.OpenAsync(url);
        var response = await session.SubmitAsync(page.Handler(handler));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"saving {url} unchanged was refused: {string.Join(" / ", ErrorsIn(text))}");
        var after = await RowAsync(load);
        foreach (var (field, value) in before)
        {
            after[field].ShouldBe(value, $"{typeof(T).Name}.{field} changed by saving {url} unchanged");
        }
    }

    private static IEnumerable<string> ErrorsIn(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll(".field-validation-error, .validation-summary-errors li")
            .Select(e => e.TextContent.Trim());

    [Fact]
    public Task The_library_item_form_keeps_a_classification_and_language_it_does_not_offer() =>
        RoundTripAsync($"/admin/library/{app.ItemId}", null, db => db.LibraryItems.FirstAsync(i => i.Id == app.ItemId));

    [Fact]
    public async Task The_library_item_form_shows_the_stored_classification_selected()
    {
        using var session = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        var form = (await session.OpenAsync($"/admin/library/{app.ItemId}")).Handler(null);
        form["Input.SubjectClass"].ShouldBe("经济管理");
        form["Input.Language"].ShouldBe("bo");
        form["Input.Summary"].ShouldBe(RoundTripFixture.Lines);
        form["Input.Author"].ShouldBe(RoundTripFixture.Awkward);
        // The published policy page still says 经济管理 after the unchanged save (no pending revision either).
        (await app.DbAsync(db => db.Articles.FirstAsync(a => a.ItemId == app.ItemId))).SubjectCategory.ShouldBe("经济管理");
    }

    [Fact]
    public Task The_site_form_keeps_the_site() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/edit", null, db => db.Sites.FirstAsync(s => s.Id == app.Site.Id));

    [Fact]
    public Task The_column_form_keeps_the_column() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/columns/{app.ColumnId}", null, db => db.Columns.FirstAsync(c => c.Id == app.ColumnId));

    [Fact]
    public Task The_publishing_settings_form_keeps_the_rule_and_review_levels() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/library/settings", null, db => db.PublishingSettings.FirstAsync(s => s.SiteId == app.Site.Id));

    [Fact]
    public Task The_publishing_settings_form_keeps_each_columns_workflow() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/library/settings", null, db => db.Columns.FirstAsync(c => c.Id == app.ColumnId));

    [Fact]
    public Task The_region_form_keeps_the_region() =>
        RoundTripAsync($"/admin/regions/{app.RegionId}", null, db => db.Regions.FirstAsync(r => r.Id == app.RegionId));

    [Fact]
    public Task The_organisation_form_keeps_the_unit() =>
        RoundTripAsync($"/admin/organisations/{app.OrganisationId}", null, db => db.Organisations.FirstAsync(o => o.Id == app.OrganisationId));

    [Fact]
    public Task The_user_profile_form_keeps_name_and_address() =>
        RoundTripAsync($"/admin/users/{app.UserId}", "Profile", db => db.Users.FirstAsync(u => u.Id == app.UserId));

    [Fact]
    public Task The_quality_settings_form_keeps_the_settings() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/quality", null, db => db.QualitySettings.FirstAsync(s => s.SiteId == app.Site.Id));

    [Fact]
    public Task The_word_list_rename_form_keeps_the_list() =>
        RoundTripAsync($"/admin/quality/lists/{app.ListId}", "Rename", db => db.QualityLists.FirstAsync(l => l.Id == app.ListId));

    [Fact]
    public async Task The_theme_form_keeps_the_theme()
    {
        var before = await app.DbAsync(db => db.SiteThemes.AsNoTracking().FirstAsync(t => t.SiteId == app.Site.Id));
        using var session = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        var page = await session.OpenAsync($"/admin/sites/{app.Site.Id}/theme");
        (await session.SubmitAsync(page.Handler("Save"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await app.DbAsync(db => db.SiteThemes.AsNoTracking().FirstAsync(t => t.SiteId == app.Site.Id));
        after.Settings.ShouldBe(before.Settings);
        // Saving unchanged leaves a draft that says what is live.
        ThemeSettings.Parse(after.Draft ?? after.Settings).ToJson().ShouldBe(ThemeSettings.Parse(before.Settings).ToJson());
    }

    [Fact]
    public Task The_message_channel_form_keeps_the_channels() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/interaction", "Channels", db => db.MessageChannels.OrderBy(c => c.Id).FirstAsync(c => c.SiteId == app.Site.Id));

    [Fact]
    public Task The_faq_form_keeps_the_answer() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/interaction?faq={app.FaqId}", "Faq", db => db.FaqEntries.FirstAsync(f => f.Id == app.FaqId));

    [Fact]
    public Task The_consultation_form_keeps_the_consultation() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/consultations/edit/{app.ConsultationId}", null, db => db.Consultations.FirstAsync(c => c.Id == app.ConsultationId));

    [Fact]
    public Task The_survey_form_keeps_the_survey() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/surveys/edit/{app.SurveyId}", null, db => db.Surveys.FirstAsync(s => s.Id == app.SurveyId));

    [Fact]
    public Task The_survey_form_keeps_its_questions() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/surveys/edit/{app.SurveyId}", null,
            db => db.Set<SurveyQuestion>().OrderBy(q => q.SortOrder).FirstAsync(q => q.SurveyId == app.SurveyId));

    [Fact]
    public Task The_interview_form_keeps_the_interview() =>
        RoundTripAsync($"/admin/sites/{app.Site.Id}/interviews/edit/{app.InterviewId}", null, db => db.Interviews.FirstAsync(i => i.Id == app.InterviewId));

    [Fact]
    public Task The_search_answer_form_keeps_the_answer() =>
        RoundTripAsync($"/admin/search/answers/{app.AnswerId}", null, db => db.SearchAnswers.FirstAsync(a => a.Id == app.AnswerId));
}
