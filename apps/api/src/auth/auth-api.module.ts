import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { AuthController } from './auth.controller';

@Module({ imports: [AccountsModule], controllers: [AuthController] })
export class AuthApiModule {}
