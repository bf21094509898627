import { Module } from '@nestjs/common';
import { InsightsReadService } from './insights-read.service';
import { InsightsScheduleBootstrap } from './insights-schedule.bootstrap';
import { InsightsSnapshotService } from './insights-snapshot.service';

/** Regional transition insights: monthly snapshots computed in PostgreSQL, read per area. */
@Module({ providers: [InsightsSnapshotService, InsightsReadService], exports: [InsightsSnapshotService, InsightsReadService] })
export class InsightsModule {}

/** The worker side: the same services and the nightly schedule. Needs the global queue module. */
@Module({ providers: [InsightsSnapshotService, InsightsScheduleBootstrap], exports: [InsightsSnapshotService] })
export class InsightsWorkerModule {}
