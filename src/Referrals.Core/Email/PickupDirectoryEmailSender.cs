using MimeKit;

namespace Referrals.Core.Email;

/// <summary>
/// Writes each message as one <c>.eml</c> file into <see cref="EmailOptions.PickupDirectory"/> (created when missing):
/// the embedded default, for development and for hosts whose mail server collects a pickup directory.
/// </summary>
/// <remarks>
/// The file is named after <see cref="OutgoingEmail.MessageId"/> (<c>{hash}.eml</c>) and written atomically — into a
/// temporary file in the same directory, then moved over the final name — so a reader never sees half a message and
/// a repeated send replaces the file instead of adding a second one. Thread-safe.
/// </remarks>
public sealed class PickupDirectoryEmailSender : IEmailSender
{
    /// <summary>The extension of the files written.</summary>
    public const string FileExtension = ".eml";

    private readonly EmailOptions _options;
    private readonly TimeProvider _timeProvider;
    private long _tempCounter;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The e-mail options (pickup directory and sender).</param>
    /// <param name="timeProvider">The clock for the Date header.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The pickup directory is empty.</exception>
    public PickupDirectoryEmailSender(EmailOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PickupDirectory, nameof(options));
        _options = options;
        _timeProvider = timeProvider;
        Directory = Path.GetFullPath(options.PickupDirectory);
    }

    /// <summary>The absolute pickup directory.</summary>
    public string Directory { get; }

    /// <summary>The file a message with this idempotency key is written to.</summary>
    /// <param name="messageId">The <see cref="OutgoingEmail.MessageId"/>.</param>
    /// <returns>An absolute path inside <see cref="Directory"/>.</returns>
    public string PathFor(string messageId) => Path.Combine(Directory, EmailMessageBuilder.StableId(messageId) + FileExtension);

    /// <inheritdoc />
    /// <exception cref="EmailDeliveryException">The file could not be written (disk full, no permission); retry later.</exception>
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        cancellationToken.ThrowIfCancellationRequested();
        using var message = EmailMessageBuilder.Build(email, _options.From, _timeProvider.GetUtcNow());
        var target = PathFor(email.MessageId);
        var temp = Path.Combine(
            Directory,
            $".{Path.GetFileNameWithoutExtension(target)}.{Environment.ProcessId}.{Interlocked.Increment(ref _tempCounter)}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new EmailDeliveryException($"Could not write the message to the pickup directory '{Directory}' (Referrals:Email:PickupDirectory): {ex.Message}", ex);
        }
        catch (OperationCanceledException)
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temporary file is left behind; it never has the .eml extension, so no reader picks it up.
        }
    }
}
