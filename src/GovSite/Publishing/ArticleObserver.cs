namespace GovSite.Publishing;

/// <summary>
/// Something that must follow every change to a published article: the search index, the
/// tamper baseline, static export. Implementations are registered in DI and called by
/// <see cref="ArticleService"/> after the change is saved (inside the caller's transaction, if any),
/// in the writer's scope.
/// </summary>
public interface IArticleObserver
{
    /// <param name="article">The article as saved; <see cref="Article.Status"/> tells published, draft or withdrawn.</param>
    Task ArticleChangedAsync(Article article, CancellationToken ct);
}
