import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { AccountsService } from './accounts.service';
import { AuditService } from './audit.service';
import { AppUser, AuditLogEntry, AuthSession, RefreshToken } from './entities';
import { PasswordHasher } from './password-hasher';
import { AccessPolicy } from './policies/access-policy';
import { LoginThrottle } from './throttling/login-throttle';
import { RateLimitStore } from './throttling/rate-limit.store';
import { TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AppUser, AuthSession, RefreshToken, AuditLogEntry]),
    JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret }) }),
  ],
  providers: [AccountsService, AuditService, AccessPolicy, PasswordHasher, TokenService, LoginThrottle, RateLimitStore],
  exports: [AccountsService, AuditService, AccessPolicy, PasswordHasher, RateLimitStore],
})
export class AccountsModule {}
