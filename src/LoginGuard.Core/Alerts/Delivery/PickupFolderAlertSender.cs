using Microsoft.Extensions.Options;
using MimeKit;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Writes each alert as <c>{alertId}.eml</c> into <see cref="SmtpOptions.PickupDirectory"/>, for a local MTA's
/// pickup folder or for inspecting mail in development. The file appears whole or not at all, and once.
/// </summary>
internal sealed class PickupFolderAlertSender : IAlertSender
{
    private readonly string directory;

    public PickupFolderAlertSender(IOptions<SmtpOptions> options)
    {
        directory = options.Value.PickupDirectory
            ?? throw new ArgumentException($"{SmtpOptions.SectionName}:PickupDirectory must be set to write alerts as files.", nameof(options));
    }

    public async Task SendAsync(Alert alert, MimeMessage message, CancellationToken cancellationToken)
    {
        AlertIds.ThrowIfMalformed(alert.AlertId);
        var path = Path.Combine(directory, alert.AlertId + ".eml");
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(directory);

        // Written beside the target under a name a pickup agent ignores, then moved into place, so a reader
        // never sees half a mail; the move refuses to overwrite, so of two racing writers only one lands.
        var temporary = Path.Combine(directory, $".{alert.AlertId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another delivery of the same alert got there first; its file is the mail.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
