using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Neyman.Cli.Tests.Evaluation;

/// <summary>Opens report.html in headless Chromium (installed by .ci/run) with the network cut off.</summary>
public sealed partial class ReportInBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = ChromiumFactAttribute.Chromium;

    // Injected at the top of a copy of the report: records script errors, failed resources and console.error
    // calls, and after the load event writes what it saw into the page for --dump-dom to print.
    private const string Probe = """
        <script>
        window.__problems = [];
        window.addEventListener('error', function (e) {
          var t = e.target;
          window.__problems.push(t && t !== window && t.tagName ? 'failed to load ' + t.tagName + ' ' + (t.id || '') : 'script error: ' + e.message);
        }, true);
        var __consoleError = console.error;
        console.error = function () { window.__problems.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); __consoleError.apply(console, arguments); };
        window.addEventListener('load', function () {
          var images = Array.prototype.slice.call(document.images);
          var result = {
            images: images.length,
            broken: images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); }).map(function (i) { return i.id; }),
            problems: window.__problems,
            auc: document.getElementById('metric-auc').textContent
          };
          var pre = document.createElement('pre');
          pre.id = 'neyman-probe';
          pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        });
        </script>
        """;

    [ChromiumFact]
    public void EveryImageLoadsNothingFailsAndTheAucMatchesMetricsJson()
    {
        using var folder = new TemporaryFolder();
        var scores = EvaluationFiles.Write(folder, "test.parquet", EvaluationFiles.Scored(2000, 11));
        var train = EvaluationFiles.Write(folder, "train.parquet", EvaluationFiles.Scored(2000, 12));
        var report = folder.File("report");
        var run = CliRunner.Run("evaluate", "--scores", scores, "--train-scores", train, "--output", report, "--bootstrap", "20");
        Assert.True(run.ExitCode == 0, run.Error);

        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        var probed = Path.Combine(report, "probed.html");
        File.WriteAllText(probed, html.Replace("<head>", "<head>\n" + Probe, StringComparison.Ordinal));

        var (dom, log) = DumpDom(probed, folder.File("profile"));
        var match = ProbeResult().Match(dom);
        Assert.True(match.Success, "the page did not report back; chromium said:\n" + log);
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = result.RootElement;
        output.WriteLine(root.ToString());

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "metrics.json")));
        var auc = metrics.RootElement.GetProperty("auc").GetDouble();
        Assert.True(root.GetProperty("images").GetInt32() >= 5);
        Assert.Equal(0, root.GetProperty("broken").GetArrayLength());
        Assert.Equal(0, root.GetProperty("problems").GetArrayLength());
        var shown = double.Parse(root.GetProperty("auc").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(auc, 6), shown, 12);
        // Chromium logs the page's console messages as "INFO:CONSOLE:line"; the report prints none.
        Assert.DoesNotContain(":CONSOLE", log);
    }

    private static (string Dom, string Log) DumpDom(string page, string profile)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
            // No network: anything the page tried to fetch would fail and show up as a broken image or error.
            "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 120 s");
        }
        return (stdout.Result, stderr.Result);
    }

    [GeneratedRegex("<pre id=\"neyman-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeResult();
}
