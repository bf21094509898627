import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logger.module';

function capture(): { logger: pino.Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream), lines: () => chunks.join('') };
}

describe('log redaction', () => {
  it('keeps emails, names, passwords and tokens out of the logs', () => {
    const { logger, lines } = capture();
    logger.info({
      account: { email: 'giulia@example.it', displayName: 'Giulia Ferrero', password: 'tram 15 per Moncalieri', refreshToken: 'r-token' },
      worker: { name: 'Giulia Ferrero', email: 'giulia@example.it' },
      req: { headers: { authorization: 'Bearer eyJ.secret.sig' } },
    });
    const out = lines();
    for (const secret of ['giulia@example.it', 'Giulia Ferrero', 'tram 15', 'r-token', 'eyJ.secret.sig']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('keeps the parameters and detail of a failed query out of an error log', () => {
    const { logger, lines } = capture();
    logger.error({
      err: { message: 'duplicate key', parameters: ['giulia@example.it', 'Giulia'], detail: 'Key (email)=(giulia@example.it) already exists.' },
    });
    expect(lines()).not.toContain('giulia@example.it');
    expect(lines()).toContain('duplicate key');
  });
});
