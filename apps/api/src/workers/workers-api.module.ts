import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { PrivacyModule } from '@ricarica/privacy';
import { WorkersModule } from '@ricarica/workers';
import { WorkerController } from './worker.controller';

@Module({ imports: [WorkersModule, AccountsModule, PrivacyModule], controllers: [WorkerController] })
export class WorkersApiModule {}
