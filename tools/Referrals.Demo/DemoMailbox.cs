using System.Text.RegularExpressions;
using MimeKit;

namespace Referrals.Demo;

/// <summary>Reads the bridge's pickup directory: every <c>.eml</c> file is one message it "sent".</summary>
internal sealed partial class DemoMailbox
{
    private readonly string _directory;

    public DemoMailbox(string directory)
    {
        _directory = directory;
    }

    /// <summary>The messages, oldest file first.</summary>
    public async Task<IReadOnlyList<DemoEmail>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        var messages = new List<DemoEmail>();
        foreach (var file in new DirectoryInfo(_directory).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            messages.Add(new DemoEmail(file.Name, string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject ?? "", message.TextBody ?? ""));
        }

        return messages;
    }

    /// <summary>The rating links of a satisfaction e-mail's text body (lines <c>score: link</c>), by score.</summary>
    public static IReadOnlyDictionary<int, Uri> RatingLinks(DemoEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return RatingLine().Matches(email.Text).ToDictionary(
            m => int.Parse(m.Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => new Uri(m.Groups["link"].Value));
    }

    [GeneratedRegex(@"^\s*(?<score>\d{1,2}): (?<link>https?://\S+/rate/\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RatingLine();
}

/// <summary>One message from the pickup directory.</summary>
internal sealed record DemoEmail(string File, string To, string Subject, string Text);
