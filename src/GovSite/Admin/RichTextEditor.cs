namespace GovSite.Admin;

/// <summary>
/// What <c>_RichTextEditor.cshtml</c> needs: the id of the textarea it enhances and the site
/// whose files its image button uploads to.
/// </summary>
public sealed record RichTextEditor(string TextareaId, int SiteId)
{
    public string UploadUrl => $"/admin/sites/{SiteId}/files";
}
