import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** True when an smtp:// URL points at this machine. */
export function isLoopbackSmtp(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * An SMTP server on 127.0.0.1 that accepts every message and delivers none: the demo points the
 * worker's SMTP_URL at it so invitation mail never leaves the machine. With a folder, each message is
 * kept there as an .eml file (open it to follow the claim link); without one, messages are only counted.
 */
export class LocalMailSink {
  received = 0;
  private server?: SMTPServer;

  constructor(private readonly dir: string | null) {}

  async start(): Promise<string> {
    if (this.dir) mkdirSync(this.dir, { recursive: true });
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', callback);
        stream.on('end', () => {
          const n = ++this.received;
          if (this.dir) writeFileSync(path.join(this.dir, `${Date.now()}-${String(n).padStart(5, '0')}.eml`), Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
