using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>commslint-disable directives in HTML, Markdown and Liquid comments and in front matter.</summary>
public sealed class SuppressionTests
{
    private const string Catalog = """
        locales: [pl, ru, it, en]
        channels:
          - id: email
          - id: sms
          - id: web
        teams:
          - id: marketing
        stages:
          - id: before-purchase
        processes:
          - id: marketing
        touchpoints:
          - id: newsletter
            stage: before-purchase
            process: marketing
            owner: marketing
            channels: [email, sms, web]
        """;

    [Fact]
    public void Directives_silence_exactly_their_lines_and_rules_and_unused_ones_are_reported()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog);
        folder.Write("styleguides/tone.style", "styleguide \"Tone\"\nrule tone.super warning \"No “{match}”.\" { forbid \"super\", \"супер\" }\nrule tone.mega warning \"No “{match}”.\" { forbid \"mega\" }\n");
        folder.Write("content/newsletter/email.pl.html", """
            ---
            touchpoint: newsletter
            channel: email
            locale: pl
            subject: S
            preheader: P
            ---
            <!-- commslint-disable-next-line tone.super -->
            <p>Super oferta.</p>
            <p>Super cena i mega rabat.</p>
            <!-- commslint-disable -->
            <p>Super, mega.</p>
            <!-- commslint-enable -->
            <!-- commslint-disable-next-line tone.mega -->
            <p>Nic tu nie ma.</p>
            """);
        folder.Write("content/newsletter/web.ru.md", "---\ntouchpoint: newsletter\nchannel: web\nlocale: ru\n---\n<!-- commslint-disable tone.super -->\n\nСупер окна.\n");
        folder.Write("content/newsletter/sms.it.txt", "---\ntouchpoint: newsletter\nchannel: sms\nlocale: it\n---\n{% comment %}commslint-disable-next-line{% endcomment %}\nOkna Nowak: super offerta.\nMega sconto.\n");
        folder.Write("content/newsletter/email.en.html", "---\ntouchpoint: newsletter\nchannel: email\nlocale: en\nsubject: S\npreheader: P\ncommslint-disable: [tone.super]\n---\n<p>Super windows, mega savings.</p>\n");

        var result = CliRunner.Run(folder.Path, "check", "content/newsletter");

        Assert.Equal(
            """
            content/newsletter/email.en.html(9,19): warning tone.mega: No “mega”.
            content/newsletter/email.pl.html(10,4): warning tone.super: No “Super”.
            content/newsletter/email.pl.html(10,17): warning tone.mega: No “mega”.
            content/newsletter/email.pl.html(14,1): warning suppression.unused: This directive suppresses nothing (tone.mega); remove it.
            content/newsletter/sms.it.txt(8,1): warning tone.mega: No “Mega”.

            Checked 4 files: 0 errors, 5 warnings, 0 suggestions.

            """.ReplaceLineEndings(), CliRunner.WithoutTiming(result.Output));
    }

    [Fact]
    public void What_a_team_reviews_is_not_silenced_and_a_directive_that_names_it_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog);
        folder.Write("styleguides/legal.style", "styleguide \"Legal\"\nrule legal.free warning \"Say what “{match}” costs.\" review legal { forbid \"free\" }\nrule tone.super warning \"No “{match}”.\" { forbid \"super\" }\n");
        folder.Write("content/newsletter/email.en.html", """
            ---
            touchpoint: newsletter
            channel: email
            locale: en
            subject: S
            preheader: P
            ---
            <!-- commslint-disable-next-line legal.free -->
            <p>Free fitting.</p>
            <!-- commslint-disable-next-line -->
            <p>Free again.</p>
            <!-- commslint-disable-next-line review.legal-pending, tone.super -->
            <p>Super windows.</p>
            <!-- commslint-disable review.legal-pending -->
            """);

        var result = CliRunner.Run(folder.Path, "check", "content/newsletter");

        Assert.Equal(
            """
            content/newsletter/email.en.html(1,1): warning review.legal-pending: legal must review this template (rule legal.free asks legal to review what it flags), and it has never been approved. Once reviewed, run `commslint approve content/newsletter/email.en.html --by NAME`. `commslint check --ci` fails on this.
            content/newsletter/email.en.html(8,1): warning suppression.review: This directive names legal.free: legal must see what it flags, so an inline directive does not silence it. Change the text, or have legal approve it (`commslint approve content/newsletter/email.en.html --by NAME`); then remove the directive.
            content/newsletter/email.en.html(9,4): warning legal.free: Say what “Free” costs. (review: legal)
            content/newsletter/email.en.html(10,1): warning suppression.unused: This directive suppresses nothing; remove it.
            content/newsletter/email.en.html(11,4): warning legal.free: Say what “Free” costs. (review: legal)
            content/newsletter/email.en.html(12,1): warning suppression.review: This directive names review.legal-pending: legal must see what it flags, so an inline directive does not silence it. Change the text, or have legal approve it (`commslint approve content/newsletter/email.en.html --by NAME`); then remove these ids from the directive.
            content/newsletter/email.en.html(14,1): warning suppression.review: This directive names review.legal-pending: legal must see what it flags, so an inline directive does not silence it. Change the text, or have legal approve it (`commslint approve content/newsletter/email.en.html --by NAME`); then remove the directive.

            Checked 1 file: 0 errors, 7 warnings, 0 suggestions.

            """.ReplaceLineEndings(), CliRunner.WithoutTiming(result.Output));
    }
}
