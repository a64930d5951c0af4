using MimeKit;

namespace Referrals.Testing.Email;

/// <summary>A temporary pickup directory the engine writes .eml files to, read back as MIME messages. Deleted on dispose.</summary>
public sealed class PickupMailbox : IDisposable
{
    /// <summary>Creates an empty mailbox under the temporary directory.</summary>
    public PickupMailbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "referrals-pickup-" + Path.GetRandomFileName());
    }

    /// <summary>The folder for this test's files; the mail goes to <see cref="Directory"/>.</summary>
    public string Root { get; }

    /// <summary>The pickup directory to configure as <c>Referrals:Email:PickupDirectory</c>.</summary>
    public string Directory => Path.Combine(Root, "mail");

    /// <summary>A key file path inside the mailbox's folder, for <c>Referrals:Links:KeyFile</c>.</summary>
    public string KeyFile => Path.Combine(Root, "keys", "link-signing.key");

    /// <summary>The .eml files written so far.</summary>
    public string[] Files() => System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.eml") : [];

    /// <summary>Every message written so far, loaded.</summary>
    public IReadOnlyList<MimeMessage> Messages() => Files().Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>The messages whose subject contains <paramref name="subjectPart"/>.</summary>
    public IReadOnlyList<MimeMessage> WithSubject(string subjectPart) =>
        Messages().Where(m => m.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}
