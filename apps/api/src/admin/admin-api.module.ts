import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { AuditLogController } from './audit-log.controller';

@Module({ imports: [AccountsModule], controllers: [AuditLogController] })
export class AdminApiModule {}
