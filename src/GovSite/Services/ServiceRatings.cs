using System.Security.Cryptography;
using System.Text;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Services;

public sealed record RatingInput(RatingLevel? Level, string? Comment);

/// <summary>The outcome of a rating: saved, or the reasons (in Chinese, per field) it was not.</summary>
public sealed record RatingOutcome(ServiceRating? Rating, ValidationErrors Errors, bool RateLimited = false);

/// <summary>
/// 好差评: anyone may rate a published item once a day from one address (a signed-in citizen once
/// a day per account), with a comment kept exactly as typed. The figures are public per item; the
/// comments are for the item's staff, who follow up dissatisfied ratings (差评回访).
/// </summary>
public sealed class ServiceRatings(GovSiteDb db, ServiceChanges changes, IOptions<ServicesOptions> options, TimeProvider clock)
{
    public const int MaxCommentLength = 500;

    public async Task<RatingOutcome> RateAsync(ServiceItem item, RatingInput input, string? clientAddress, int? citizenId, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.Level is not { } level || !Enum.IsDefined(level))
        {
            errors.Add("level", "请选择评价等级（非常满意、满意、基本满意、不满意或非常不满意）");
        }
        // Kept as typed (a text area): only what a database cannot keep and nobody types is dropped.
        var comment = Common.TypedText.Block(input.Comment);
        if (comment is not null && Common.TypedText.Length(comment) > MaxCommentLength)
        {
            errors.Add("comment", $"评价内容不能超过{MaxCommentLength}个字（现有{Common.TypedText.Length(comment)}个）");
        }
        if (!errors.IsValid)
        {
            return new RatingOutcome(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var client = ClientHash(clientAddress);
        var dayAgo = now.AddDays(-1);
        var hourAgo = now.AddHours(-1);
        var same = citizenId is int citizen
            ? db.ServiceRatings.IgnoreQueryFilters().Where(r => r.ItemId == item.Id && r.CitizenId == citizen && r.CreatedAt > dayAgo)
            : db.ServiceRatings.IgnoreQueryFilters().Where(r => r.ItemId == item.Id && r.ClientHash == client && r.CitizenId == null && r.CreatedAt > dayAgo);
        if (await same.AnyAsync(ct))
        {
            errors.Add("form", "您今天已经评价过这个事项，明天可以再次评价");
            return new RatingOutcome(null, errors, RateLimited: true);
        }
        if (await db.ServiceRatings.IgnoreQueryFilters().CountAsync(r => r.ClientHash == client && r.CreatedAt > hourAgo, ct) >= options.Value.RatingsPerAddressPerHour)
        {
            errors.Add("form", "评价过于频繁，请稍后再试");
            return new RatingOutcome(null, errors, RateLimited: true);
        }
        var rating = new ServiceRating
        {
            ItemId = item.Id, SiteId = item.SiteId, Level = input.Level!.Value, Comment = comment, CreatedAt = now, CitizenId = citizenId, ClientHash = client,
        };
        db.ServiceRatings.Add(rating);
        await db.SaveChangesAsync(ct);
        await changes.FiguresChangedAsync(item.SiteId, item.Id, ct);
        return new RatingOutcome(rating, errors);
    }

    /// <summary>差评回访: what the item's staff did about a rating (plain text, as typed).</summary>
    public async Task<SaveResult<ServiceRating>> FollowUpAsync(long id, string? text, string? by, Accounts.SiteAccess access, CancellationToken ct = default)
    {
        var rating = await db.ServiceRatings.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rating is null)
        {
            return SaveResult<ServiceRating>.Missing();
        }
        if (!access.CanEditContent(rating.SiteId))
        {
            return SaveResult<ServiceRating>.Denied();
        }
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("followUp", "请写明回访和整改情况");
        }
        else if (Runes(text) > 1000)
        {
            errors.Add("followUp", "回访情况不能超过1000个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<ServiceRating>.Invalid(errors);
        }
        rating.FollowUp = text;
        rating.FollowedUpBy = by;
        rating.FollowedUpAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return SaveResult<ServiceRating>.Ok(rating);
    }

    /// <summary>The address is not kept, only a hash of it, enough to limit ratings per address.</summary>
    public static string ClientHash(string? address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("govsite-rating:" + (address ?? "unknown"))));

    /// <summary>Length as a person counts it: an emoji or a rare character is one.</summary>
    public static int Runes(string text) => text.EnumerateRunes().Count();
}

/// <summary>Counts real use for 热门服务: a guide viewed, or left for the hall. One upsert per event, the same on both databases.</summary>
public sealed class ServiceUseCounter(GovSiteDb db, TimeProvider clock)
{
    public async Task RecordAsync(int itemId, bool hallVisit, CancellationToken ct = default)
    {
        var day = DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var views = hallVisit ? 0 : 1;
        var visits = hallVisit ? 1 : 0;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ServiceUses" ("ItemId", "Day", "Views", "HallVisits") VALUES ({itemId}, {day}, {views}, {visits})
            ON CONFLICT ("ItemId", "Day") DO UPDATE SET "Views" = "ServiceUses"."Views" + {views}, "HallVisits" = "ServiceUses"."HallVisits" + {visits}
            """, ct);
    }
}
