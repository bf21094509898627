import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { APP_CONFIG, AppConfig } from '@ricarica/config';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot inline). */
const ARGON2ID = 2;

/** Argon2id on libuv's thread pool (prebuilt binaries: no native build at install). */
@Injectable()
export class PasswordHasher {
  private readonly options: { algorithm: number; memoryCost: number; timeCost: number; parallelism: number };
  private dummy?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = { algorithm: ARGON2ID, memoryCost: config.auth.argon2.memoryKib, timeCost: config.auth.argon2.timeCost, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /** False for a malformed hash rather than an error. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so that an unknown email cannot be told from a wrong password. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('ricarica-timing-equaliser');
    await this.verify(await this.dummy, password);
    return false;
  }

  /** True when the hash was made with other parameters than today's (it is replaced at the next sign-in). */
  isOutdated(passwordHash: string): boolean {
    return !passwordHash.startsWith(`$argon2id$v=19$m=${this.options.memoryCost},t=${this.options.timeCost},p=${this.options.parallelism}$`);
  }
}
