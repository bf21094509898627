import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { EmployersModule } from '@ricarica/employers';
import { EmployerController } from './employer.controller';

@Module({ imports: [EmployersModule, AccountsModule], controllers: [EmployerController] })
export class EmployersApiModule {}
