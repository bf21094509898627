import { Module } from '@nestjs/common';
import { MatchingSyncService } from './matching-sync.service';

/** Match lists for the worker app: the engine in memory, kept in step with PostgreSQL. */
@Module({ providers: [MatchingSyncService], exports: [MatchingSyncService] })
export class MatchesModule {}
