import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { ApplicationsModule } from '@ricarica/applications';
import { EnrolmentController } from './enrolment.controller';

@Module({ imports: [ApplicationsModule, AccountsModule], controllers: [EnrolmentController] })
export class EnrolmentsApiModule {}
