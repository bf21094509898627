import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { ProvidersModule } from '@ricarica/providers';
import { ProviderController } from './provider.controller';

@Module({ imports: [ProvidersModule, AccountsModule], controllers: [ProviderController] })
export class ProvidersApiModule {}
