using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CommsLinter.Tests.Support;
using Microsoft.Playwright;

namespace CommsLinter.Tests;

/// <summary>A preview reaches no network: no remote image unless asked (and then https only), no &lt;base&gt; that redirects, and a note says what was left out.</summary>
public sealed partial class PreviewNetworkTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string StrictPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'self'; style-src 'unsafe-inline'; img-src data:";
    private const string Email = "content/purchase/order-confirmation/email.pl.html";

    [Fact]
    public void Every_page_forbids_the_network_and_says_which_images_it_left_out()
    {
        using var folder = Corpus("http://evil.example/",
            "https://cdn.example.com/a.png", "//cdn.example.com/b.png", "http://img.example.org/bg.jpg", "https://cdn.example.com/c.png", "https://cdn.example.com/d.png");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var page in Directory.GetFiles(Path.Combine(folder.Path, "out"), "*.html", SearchOption.AllDirectories))
        {
            Assert.Equal([StrictPolicy], Policies().Matches(File.ReadAllText(page)).Select(m => m.Groups[1].Value));
        }

        var email = File.ReadAllText(Path.Combine(folder.Path, "out", Email + ".html"));
        Assert.Contains(
            "<p class=\"blocked\">5 images were not loaded from the network (cdn.example.com &#215;4, img.example.org): a preview loads nothing from the network, where the customer's mail client would load them. <code>commslint render --remote-images</code> shows images served over https.</p>",
            email, StringComparison.Ordinal);
        var letter = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/letter.pl.md.html"));
        Assert.Contains("<p class=\"blocked\">1 image was not loaded from the network (cdn.example.com): ", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"blocked\"", File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/sms.pl.txt.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_images_lets_https_images_load_and_no_others()
    {
        using var folder = Corpus("http://evil.example/",
            "https://cdn.example.com/a.png", "//cdn.example.com/b.png", "http://img.example.org/bg.jpg", "https://cdn.example.com/c.png", "https://cdn.example.com/d.png");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out", "--remote-images");

        Assert.True(result.ExitCode == 0, result.Error);
        var email = File.ReadAllText(Path.Combine(folder.Path, "out", Email + ".html"));
        Assert.Equal([StrictPolicy + " https:"], Policies().Matches(email).Select(m => m.Groups[1].Value));
        Assert.Contains("<p class=\"blocked\">2 images were not loaded from the network (cdn.example.com, img.example.org): with --remote-images a preview loads images over https only.</p>", email, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"blocked\"", File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/letter.pl.md.html")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task In_chromium_no_image_is_requested_and_a_base_cannot_redirect()
    {
        Skip.IfNot(File.Exists(Chromium), $"Debian's chromium is not installed ({Chromium}); .ci/run installs it for the browser tests.");
        using var server = new RequestLog();
        using var folder = Corpus($"{server.Address}base/",
            $"{server.Address}img.png", $"{server.Address}srcset.png", $"{server.Address}background.png", $"{server.Address}style.png", $"{server.Address}sheet.png");
        Assert.Equal(0, CliRunner.Run(folder.Path, "render", "--out", "out").ExitCode);
        var page = Path.Combine(folder.Path, "out", Email + ".html");
        // The same page under the policy previews had before: every image and the <base>-relative one are requested.
        var before = Path.Combine(folder.Path, "out", "before.html");
        File.WriteAllText(before, File.ReadAllText(page).Replace(StrictPolicy, "default-src 'none'; frame-src 'self'; style-src 'unsafe-inline'; img-src https: http: data:", StringComparison.Ordinal));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var tab = await browser.NewPageAsync();
        await tab.GotoAsync(new Uri(page).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        var blocked = server.Requests();
        await tab.GotoAsync(new Uri(before).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        Assert.Empty(blocked);
        Assert.Contains("/base/relative.png", server.Requests());
        Assert.Contains("/img.png", server.Requests());
    }

    /// <summary>An e-mail that loads an image in each way an e-mail can, a Markdown letter with one image, and an SMS.</summary>
    private static TempFolder Corpus(string baseHref, string img, string srcset, string background, string style, string sheet)
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "email, sms, letter"));
        folder.Write(Email, TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") +
            $"<html><head><base href=\"{baseHref}\"><style>@import url(https://fonts.example/x.css); @font-face {{ src: url(https://fonts.example/f.woff) }} .hero {{ background: url('{sheet}') }}</style></head>\n" +
            $"<body><img src=\"{img}\" alt=\"Logo\"><picture><source srcset=\"{srcset} 2x\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"\"></picture>\n" +
            $"<table background=\"{background}\"><tr><td><div class=\"hero\" style=\"background-image: url(&quot;{style}&quot;)\">Okna Nowak</div><img src=\"relative.png\" alt=\"\"></td></tr></table></body></html>\n");
        folder.Write("content/purchase/order-confirmation/letter.pl.md", TestCatalog.FrontMatter("letter", "pl") + "# Umowa\n\n![Logo](https://cdn.example.com/letter.png)\n");
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak: https://cdn.example.com/a.png\n");
        return folder;
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex Policies();

    /// <summary>An HTTP server on 127.0.0.1 that answers 404 to everything and keeps the path of every request.</summary>
    private sealed class RequestLog : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _requests = [];

        public RequestLog()
        {
            var free = new TcpListener(IPAddress.Loopback, 0);
            free.Start();
            var port = ((IPEndPoint)free.LocalEndpoint).Port;
            free.Stop();
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        lock (_requests)
                        {
                            _requests.Add(context.Request.Url!.AbsolutePath);
                        }

                        context.Response.StatusCode = 404;
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                }
            });
        }

        public string Address { get; }

        public string[] Requests()
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }

        public void Dispose() => _listener.Close();
    }
}
