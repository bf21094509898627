import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { ApplicationsModule } from '@ricarica/applications';
import { ApplicationController } from './application.controller';

@Module({ imports: [ApplicationsModule, AccountsModule], controllers: [ApplicationController] })
export class ApplicationsApiModule {}
