using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovSite.Common;

namespace GovSite.Publishing.Quality;

public enum BodyElementKind
{
    Image,
    Link,
}

/// <param name="Url">The src of an image or the href of a link, as written.</param>
/// <param name="Offset">Where the element sits in the body's plain text (<see cref="HtmlSanitiser.ToPlainText"/>).</param>
public sealed record BodyElement(BodyElementKind Kind, string Url, string? Alt, int Offset);

/// <summary>
/// Images and links of a sanitised body with their place in the plain text. The offsets follow
/// <see cref="HtmlSanitiser.ToPlainText"/> exactly (top-level nodes' trimmed text joined by one
/// space), so a finding on an image lands where the reviewer sees the text around it.
/// </summary>
public static class BodyElements
{
    private static readonly HtmlParser Parser = new();

    public static List<BodyElement> Locate(string sanitisedHtml)
    {
        var found = new List<BodyElement>();
        if (string.IsNullOrEmpty(sanitisedHtml))
        {
            return found;
        }
        var document = Parser.ParseDocument("<body></body>");
        var nodes = Parser.ParseFragment(sanitisedHtml, document.Body!);
        var position = 0;
        var emitted = false;
        foreach (var node in nodes)
        {
            var text = node.TextContent;
            var trimmed = text.Trim();
            var start = trimmed.Length > 0 && emitted ? position + 1 : position;
            var lead = text.Length - text.TrimStart().Length;
            var before = 0;
            Walk(node, ref before, inner =>
                Math.Clamp(start + inner - lead, start, start + trimmed.Length), found);
            if (trimmed.Length > 0)
            {
                position = start + trimmed.Length;
                emitted = true;
            }
        }
        return found;
    }

    private static void Walk(INode node, ref int before, Func<int, int> toPlain, List<BodyElement> found)
    {
        switch (node)
        {
            case IText text:
                before += text.Data.Length;
                return;
            case IElement element when element.LocalName == "img":
                found.Add(new BodyElement(BodyElementKind.Image, element.GetAttribute("src") ?? "", element.GetAttribute("alt"), toPlain(before)));
                return;
            case IElement element when element.LocalName == "a" && element.GetAttribute("href") is { Length: > 0 } href:
                found.Add(new BodyElement(BodyElementKind.Link, href, null, toPlain(before)));
                break;
        }
        foreach (var child in node.ChildNodes)
        {
            Walk(child, ref before, toPlain, found);
        }
    }
}
