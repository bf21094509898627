import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { AuthErrors } from './account.errors';
import type { Role } from './roles';

export interface AccessClaims {
  /** The user id. */
  sub: string;
  role: Role;
  /** The session id. */
  sid: string;
}

const ISSUER = 'ricarica';
const AUDIENCE = 'ricarica-api';

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Short-lived HS256 access tokens and opaque one-use refresh tokens. */
@Injectable()
export class TokenService {
  readonly accessTtlS: number;
  readonly refreshTtlS: number;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.accessTtlS = config.auth.accessTokenTtlS;
    this.refreshTtlS = config.auth.refreshTokenTtlS;
  }

  signAccess(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.accessTtlS, issuer: ISSUER, audience: AUDIENCE });
  }

  /** The claims of a valid token; 401 AUTH.TOKEN_EXPIRED or AUTH.TOKEN_INVALID otherwise. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw AuthErrors.tokenInvalid();
      return claims;
    } catch (e) {
      throw e instanceof TokenExpiredError ? AuthErrors.tokenExpired() : AuthErrors.tokenInvalid();
    }
  }

  /** 256 random bits, URL-safe; only the hash is stored. */
  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }
}
