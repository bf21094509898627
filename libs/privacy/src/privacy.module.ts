import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@ricarica/accounts';
import { ApplicationsModule } from '@ricarica/applications';
import { EmployersModule } from '@ricarica/employers';
import { ProvidersModule } from '@ricarica/providers';
import { WorkersModule } from '@ricarica/workers';
import { ErasureTally } from './erasure-tally.entity';
import { PersonalDataService } from './personal-data.service';

@Module({
  imports: [TypeOrmModule.forFeature([ErasureTally]), AccountsModule, ApplicationsModule, WorkersModule, EmployersModule, ProvidersModule],
  providers: [PersonalDataService],
  exports: [PersonalDataService],
})
export class PrivacyModule {}
