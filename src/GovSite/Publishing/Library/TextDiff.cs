namespace GovSite.Publishing.Library;

/// <summary>
/// A character diff between two texts (Myers' algorithm), for showing what changed between
/// versions. Chinese has no spaces, so characters are the natural unit. Texts are first cut to
/// the part that differs (common head and tail), and very different texts fall back to
/// comparing line by line so the work stays bounded.
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

    /// <summary>Edit distance beyond which character diffs give way to line diffs.</summary>
    private const int MaxCharacterEdits = 4000;

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
        var middle = Diff(a.Select(c => c.ToString()).ToArray(), b.Select(c => c.ToString()).ToArray(), MaxCharacterEdits)
            ?? Diff(Lines(a), Lines(b), int.MaxValue)!;
        foreach (var piece in middle)
        {
            Add(pieces, piece.Kind, piece.Text);
        }
        Add(pieces, Kind.Same, before[^tail..]);
        return pieces;
    }

    private static string[] Lines(string text)
    {
        var parts = text.Split('\n');
        return [.. parts.Select((line, i) => i < parts.Length - 1 ? line + "\n" : line)];
    }

    /// <summary>Myers' O(ND) diff on tokens; null when more than <paramref name="maxEdits"/> edits are needed.</summary>
    private static List<Piece>? Diff(string[] a, string[] b, int maxEdits)
    {
        int n = a.Length, m = b.Length, max = Math.Min(n + m, maxEdits);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            // Only the diagonals -d..d can be read back at this step: keep just those.
            trace.Add(v[(offset - d)..(offset + d + 1)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(a, b, trace, d);
                }
            }
        }
        return null;
    }

    private static List<Piece> Backtrack(string[] a, string[] b, List<int[]> trace, int d)
    {
        var steps = new List<Piece>();
        int x = a.Length, y = b.Length;
        for (; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[d + k - 1] < v[d + k + 1]) ? k + 1 : k - 1;
            var prevX = v[d + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                steps.Add(new Piece(Kind.Same, a[--x]));
                y--;
            }
            if (x == prevX)
            {
                steps.Add(new Piece(Kind.Added, b[--y]));
            }
            else
            {
                steps.Add(new Piece(Kind.Removed, a[--x]));
            }
        }
        while (x > 0 && y > 0)
        {
            steps.Add(new Piece(Kind.Same, a[--x]));
            y--;
        }
        steps.Reverse();
        var merged = new List<Piece>();
        foreach (var step in steps)
        {
            Add(merged, step.Kind, step.Text);
        }
        return merged;
    }

    private static void Add(List<Piece> pieces, Kind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new Piece(kind, text));
        }
    }
}
