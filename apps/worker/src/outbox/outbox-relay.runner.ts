import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { OutboxRelayService } from '@ricarica/queue';

/**
 * Polls the outbox and relays it to BullMQ. A failure (Redis or PostgreSQL down) is logged and
 * retried on the next tick with backoff; rows stay in PostgreSQL until relayed.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayRunner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly relay: OutboxRelayService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const poll = this.config.worker.outboxPollMs;
    try {
      let sent: number;
      do {
        sent = await this.relay.relayBatch(500);
        if (sent > 0) this.logger.debug({ sent }, 'outbox relayed');
      } while (sent === 500 && !this.stopped);
      this.failures = 0;
      this.schedule(poll);
    } catch (e) {
      this.failures++;
      const delay = Math.min(poll * 2 ** this.failures, 10000);
      this.logger.warn({ err: (e as Error).message, retryInMs: delay }, 'outbox relay failed; will retry');
      this.schedule(delay);
    }
  }
}
