import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { PrivacyModule } from '@ricarica/privacy';
import { MeController } from './me.controller';

@Module({ imports: [AccountsModule, PrivacyModule], controllers: [MeController] })
export class MeApiModule {}
