namespace GovSite.Publishing.Quality;

// Stand-in with the agreed contract, replaced by the quality-gate branch when it merges.
public sealed record QualityFinding(string Code, string Severity, string Field, string Excerpt, int Start, int Length, string Detail);

public sealed record QualityInput(int SiteId, string Title, string BodyHtml, int? ItemId = null, DateTime? ItemDateUtc = null);

public sealed class QualityGate
{
    public Task<IReadOnlyList<QualityFinding>> CheckAsync(QualityInput input, CancellationToken ct = default)
    {
        var findings = new List<QualityFinding>();
        foreach (var (field, text) in new[] { ("title", input.Title), ("body", HtmlSanitiser.ToPlainText(HtmlSanitiser.Sanitise(input.BodyHtml))) })
        {
            foreach (var e in SeriousErrors.Default.Find(text))
            {
                findings.Add(new("serious_error", "block", field, e.Text, e.Position, e.Text.Length, $"疑似错写「{e.Term}」"));
            }
        }
        return Task.FromResult<IReadOnlyList<QualityFinding>>(findings);
    }
}

public sealed class NearDuplicates
{
    public Task IndexAsync(int itemId, int siteId, DateTime dateUtc, string title, string plainText, CancellationToken ct = default) => Task.CompletedTask;

    public Task RemoveAsync(int itemId, CancellationToken ct = default) => Task.CompletedTask;
}
