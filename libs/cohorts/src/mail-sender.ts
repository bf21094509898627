import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@ricarica/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * SMTP through nodemailer, configured by SMTP_URL (a local sink in the demo and tests). Pooled: a cohort's
 * invitations go out over a few kept-open connections rather than one connection per message.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.transport ??= createTransport({ url: this.config.mail.smtpUrl, pool: true, maxConnections: 2 });
    await this.transport.sendMail({ from: this.config.mail.from, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: 'base64' });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
