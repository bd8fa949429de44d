using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GovSite.Tests.Api;

/// <summary>
/// docs/api.md's examples are run as written: each curl block is sent to the demo platform and
/// the answer block after it must match (status, content type, every field shown; "…" is any
/// value). The doc cannot drift from the API without this test failing.
/// </summary>
public partial class ApiDocExamplesTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    public sealed record Example(string Curl, int Status, string MediaType, string? Body);

    [Fact]
    public async Task Every_example_in_docs_api_md_answers_as_documented()
    {
        var examples = Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md")));
        examples.Count.ShouldBeGreaterThanOrEqualTo(6);
        var variables = new Dictionary<string, string> { ["PASSWORD"] = GovSiteFactory.AdminPassword, ["TOKEN"] = "" };
        using var client = app.CreateClient();
        foreach (var example in examples)
        {
            using var request = ToRequest(Words(example.Curl, variables));
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"{example.Curl}\n→ {(int)response.StatusCode} {text}";
            ((int)response.StatusCode).ShouldBe(example.Status, what);
            (response.Content.Headers.ContentType?.MediaType ?? "").ShouldBe(example.MediaType, what);
            if (example.Body is not null)
            {
                var actual = JsonDocument.Parse(text).RootElement;
                Match(JsonDocument.Parse(example.Body).RootElement, actual, "$").ShouldBeNull(what);
                if (actual.ValueKind == JsonValueKind.Object && actual.TryGetProperty("token", out var token))
                {
                    variables["TOKEN"] = token.GetString()!;
                }
            }
        }
    }

    /// <summary>Null when <paramref name="actual"/> has everything <paramref name="expected"/> shows, else where it differs.</summary>
    private static string? Match(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.String && expected.GetString() == "…")
        {
            return null;
        }
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}";
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name}: missing";
                    }
                    if (Match(property.Value, value, $"{path}.{property.Name}") is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var want = expected.EnumerateArray().ToList();
                var got = actual.EnumerateArray().ToList();
                if (want.Count == 0 ? got.Count != 0 : got.Count < want.Count)
                {
                    return $"{path}: expected {want.Count} items, got {got.Count}";
                }
                return want.Select((w, i) => Match(w, got[i], $"{path}[{i}]")).FirstOrDefault(p => p is not null);
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }

    public static List<Example> Parse(string markdown)
    {
        var blocks = Fence().Matches(markdown).Select(m => (Lang: m.Groups["lang"].Value, Text: m.Groups["body"].Value.Trim())).ToList();
        var examples = new List<Example>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Lang != "sh" || !blocks[i].Text.StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }
            blocks.Count.ShouldBeGreaterThan(i + 1, $"no answer after {blocks[i].Text}");
            var answer = blocks[i + 1];
            answer.Lang.ShouldBe("http", $"the block after {blocks[i].Text} is the answer");
            var lines = answer.Text.Split('\n');
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var type = lines.Skip(1).TakeWhile(l => l.Length > 0).FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.Ordinal))?["Content-Type:".Length..].Trim() ?? "";
            var body = string.Join('\n', lines.SkipWhile(l => l.Length > 0).Skip(1)).Trim();
            examples.Add(new Example(blocks[i].Text, status, type, body.Length == 0 ? null : body));
        }
        return examples;
    }

    /// <summary>The command's words as a POSIX shell splits them: quotes, $NAME expanded outside single quotes.</summary>
    public static List<string> Words(string command, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\'')
            {
                var end = command.IndexOf('\'', i + 1);
                word.Append(command, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                var end = command.IndexOf('"', i + 1);
                word.Append(Expand(command[(i + 1)..end], variables));
                i = end;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) || c == '\\')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                var end = i;
                while (end < command.Length && !char.IsWhiteSpace(command[end]) && command[end] is not ('\'' or '"'))
                {
                    end++;
                }
                word.Append(Expand(command[i..end], variables));
                i = end - 1;
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(text, m => variables[m.Groups[1].Value]);

    private static HttpRequestMessage ToRequest(List<string> words)
    {
        words[0].ShouldBe("curl");
        var method = HttpMethod.Get;
        string? url = null;
        string? data = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-s":
                    break;
                case "-X":
                    method = new HttpMethod(words[++i]);
                    break;
                case "-H":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d":
                    data = words[++i];
                    break;
                default:
                    words[i].StartsWith("http", StringComparison.Ordinal).ShouldBeTrue($"an option the test does not know: {words[i]}");
                    url = words[i];
                    break;
            }
        }
        var target = new Uri(url!);
        var request = new HttpRequestMessage(method, target.PathAndQuery);
        string? contentType = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
            }
        }
        if (data is not null)
        {
            request.Content = new StringContent(data, Encoding.UTF8);
            // curl -d sends application/x-www-form-urlencoded unless told otherwise.
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
        }
        return request;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovSite.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GovSite.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(?<lang>\w*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\$([A-Z_]+)")]
    private static partial Regex Variable();
}
