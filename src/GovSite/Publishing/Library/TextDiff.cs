using DiffPlex;
using DiffPlex.Chunkers;

namespace GovSite.Publishing.Library;

/// <summary>
/// What changed between two versions, for reviewers. Chinese has no spaces, so characters are the
/// natural unit; very long texts that differ throughout are compared line by line instead, so the
/// work stays bounded. The diff itself is DiffPlex's (Myers' algorithm); this class cuts the
/// common head and tail first and turns DiffPlex's blocks into pieces a page can show.
/// </summary>
public static class TextDiff
{
    public enum Kind
    {
        Same,
        Added,
        Removed,
    }

    public sealed record Piece(Kind Kind, string Text);

    /// <summary>Beyond this many characters of differing middle on each side, lines are compared instead of characters.</summary>
    private const int MaxCharacterDiff = 8000;

    private static readonly Differ Differ = new();

    public static IReadOnlyList<Piece> Compare(string before, string after)
    {
        var pieces = new List<Piece>();
        var head = 0;
        while (head < before.Length && head < after.Length && before[head] == after[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < before.Length - head && tail < after.Length - head && before[^(tail + 1)] == after[^(tail + 1)])
        {
            tail++;
        }
        Add(pieces, Kind.Same, before[..head]);
        var a = before[head..^tail];
        var b = after[head..^tail];
        IChunker chunker = a.Length + b.Length <= 2 * MaxCharacterDiff ? CharacterChunker.Instance : new LineEndingsPreservingChunker();
        var a0 = chunker.Chunk(a).ToArray();
        var b0 = chunker.Chunk(b).ToArray();
        var result = Differ.CreateDiffs(a, b, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var x = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, Kind.Same, string.Concat(a0[x..block.DeleteStartA]));
            Add(pieces, Kind.Removed, string.Concat(a0[block.DeleteStartA..(block.DeleteStartA + block.DeleteCountA)]));
            Add(pieces, Kind.Added, string.Concat(b0[block.InsertStartB..(block.InsertStartB + block.InsertCountB)]));
            x = block.DeleteStartA + block.DeleteCountA;
        }
        Add(pieces, Kind.Same, string.Concat(a0[x..]));
        Add(pieces, Kind.Same, before[^tail..]);
        return pieces;
    }

    /// <summary>Appends, merging with the previous piece of the same kind and leaving out empty text.</summary>
    private static void Add(List<Piece> pieces, Kind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            return;
        }
        pieces.Add(new Piece(kind, text));
    }
}
