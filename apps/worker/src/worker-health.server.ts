import { createServer, Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';
import { APP_CONFIG, AppConfig } from '@ricarica/config';

/** Optional: /health and /metrics (job durations) on WORKER_HEALTH_PORT, for orchestrators and Prometheus. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: Registry,
  ) {}

  onApplicationBootstrap(): void {
    const port = this.config.worker.healthPort;
    if (port === undefined) return;
    this.server = createServer((req, res) => {
      if (req.url === '/metrics') {
        void this.registry.metrics().then((body) => {
          res.writeHead(200, { 'content-type': this.registry.contentType });
          res.end(body);
        });
        return;
      }
      res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/health' ? { status: 'ok' } : { statusCode: 404 }));
    });
    this.server.listen(port, '0.0.0.0', () => this.logger.log({ port }, 'worker health listening'));
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
