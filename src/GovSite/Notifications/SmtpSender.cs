using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GovSite.Notifications;

/// <summary>SMTP settings (section <c>Mail:Smtp</c>, e.g. <c>Mail__Smtp__Host</c>); no host means no e-mail is sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, SslOnConnect, StartTls or Auto (MailKit's names).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "govsite@localhost";
    public string FromName { get; set; } = "政府网站集约化平台";
}

/// <summary>E-mail through the configured SMTP server (MailKit).</summary>
public sealed class SmtpSender(IOptions<SmtpOptions> options) : IOutboxSender
{
    public OutboxChannel Channel => OutboxChannel.Email;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.From));
        mail.To.Add(new MailboxAddress(message.RecipientName ?? "", message.Recipient));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(o.Host!, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
