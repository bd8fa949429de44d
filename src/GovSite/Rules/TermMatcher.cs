using GovSite.Common;

namespace GovSite.Rules;

/// <summary>
/// Aho–Corasick over many terms at once: one pass over the text finds every occurrence of every
/// term, so 100,000 sensitive words cost about what ten do. Terms and text are compared after
/// <see cref="ChineseText.FoldChar"/> (full-width → half-width, case, traditional → simplified),
/// which maps one char to one char, so match positions are positions in the original text.
/// Immutable once built; safe to share between threads.
/// </summary>
public sealed class TermMatcher
{
    // The root is hit on almost every character, so it gets a direct table; deeper states use one
    // hash map keyed by (state, char), which is far smaller than a table per state.
    private readonly int[] _root = new int[char.MaxValue + 1];
    private readonly Dictionary<long, int> _next;
    private readonly int[] _fail;
    // Term ending in this state (-1 if none) and the next state down the failure chain that ends a term.
    private readonly int[] _term;
    private readonly int[] _output;
    private readonly int[] _lengths;

    public static TermMatcher Empty { get; } = new([]);

    /// <summary>Builds the automaton; <paramref name="terms"/> are folded here, blanks are skipped.</summary>
    public TermMatcher(IReadOnlyList<string> terms)
    {
        Terms = terms;
        _lengths = new int[terms.Count];
        var parent = new List<int> { 0 };
        var via = new List<char> { '\0' };
        var depth = new List<int> { 0 };
        var termAt = new List<int> { -1 };
        _next = new Dictionary<long, int>(terms.Count * 3);
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            _lengths[t] = term.Length;
            if (term.Length == 0)
            {
                continue;
            }
            var state = 0;
            for (var i = 0; i < term.Length; i++)
            {
                var c = ChineseText.FoldChar(term[i]);
                var next = state == 0 ? _root[c] : _next.GetValueOrDefault(Key(state, c));
                if (next == 0)
                {
                    next = parent.Count;
                    parent.Add(state);
                    via.Add(c);
                    depth.Add(depth[state] + 1);
                    termAt.Add(-1);
                    if (state == 0)
                    {
                        _root[c] = next;
                    }
                    else
                    {
                        _next[Key(state, c)] = next;
                    }
                }
                state = next;
            }
            // The same folded term twice (法輪 and 法轮): the first one answers.
            if (termAt[state] < 0)
            {
                termAt[state] = t;
            }
        }
        var count = parent.Count;
        _term = [.. termAt];
        _fail = new int[count];
        _output = new int[count];
        // Failure links in order of depth: a state's link always points to a shallower state.
        var order = Enumerable.Range(1, count - 1).OrderBy(s => depth[s]).ToArray();
        foreach (var s in order)
        {
            var p = parent[s];
            var c = via[s];
            if (p == 0)
            {
                _fail[s] = 0;
            }
            else
            {
                var f = _fail[p];
                while (true)
                {
                    var n = Step(f, c);
                    if (n >= 0)
                    {
                        _fail[s] = n;
                        break;
                    }
                    f = _fail[f];
                }
            }
            var fs = _fail[s];
            _output[s] = _term[fs] >= 0 ? fs : _output[fs];
        }
        StateCount = count;
    }

    public IReadOnlyList<string> Terms { get; }

    public int StateCount { get; }

    /// <summary>The state after reading <paramref name="c"/> in <paramref name="state"/>, or -1 (root never fails).</summary>
    private int Step(int state, char c)
    {
        if (state == 0)
        {
            return _root[c];
        }
        return _next.TryGetValue(Key(state, c), out var n) ? n : -1;
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;

    /// <summary>Every occurrence of every term, overlapping ones included, in order of their end.</summary>
    public List<TermMatch> FindAll(string text)
    {
        var found = new List<TermMatch>();
        if (StateCount <= 1)
        {
            return found;
        }
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = ChineseText.FoldChar(text[i]);
            while (true)
            {
                var n = Step(state, c);
                if (n >= 0)
                {
                    state = n;
                    break;
                }
                state = _fail[state];
            }
            for (var s = _term[state] >= 0 ? state : _output[state]; s > 0; s = _output[s])
            {
                var t = _term[s];
                found.Add(new TermMatch(i - _lengths[t] + 1, _lengths[t], t));
            }
        }
        return found;
    }

    /// <summary>
    /// Matches with those inside a longer overlapping match dropped (法轮 inside 法轮功), so each
    /// place in the text is reported once, by its longest term.
    /// </summary>
    public List<TermMatch> FindLongest(string text)
    {
        var all = FindAll(text);
        all.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<TermMatch>(all.Count);
        var coveredTo = -1;
        foreach (var m in all)
        {
            if (m.Start + m.Length <= coveredTo)
            {
                continue;
            }
            kept.Add(m);
            coveredTo = Math.Max(coveredTo, m.Start + m.Length);
        }
        return kept;
    }
}

/// <param name="Term">Index into the terms the matcher was built from.</param>
public readonly record struct TermMatch(int Start, int Length, int Term);
