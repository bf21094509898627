// `npm run user:create-admin -- --email <email> --name <display name>`: makes an admin account
// (regional employment agency staff). The only way to make one: registration refuses the role.
// The password is asked twice on a terminal, or read from the first line of stdin when piped
// (never from the command line, where shell history and `ps` would keep it).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { AccountsModule, AccountsService } from '@ricarica/accounts';
import { DomainError } from '@ricarica/common';
import { ConfigModule } from '@ricarica/config';
import { DatabaseModule } from '@ricarica/database';

const USAGE = `usage: user:create-admin --email <email> --name <display name>
  the password is asked on the terminal, or read from stdin: printf '%s\\n' "$PASSWORD" | npm run user:create-admin -- …`;

function parseArgs(argv: string[]): { email: string; name: string } {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag !== '--email' && flag !== '--name') throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    args[flag.slice(2)] = inline ?? argv[++i] ?? '';
  }
  if (!args.email || !args.name) throw new Error(`--email and --name are required\n${USAGE}`);
  return { email: args.email, name: args.name };
}

/** One line from a pipe, or a hidden answer typed on the terminal. */
function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    if (process.stdin.isTTY) {
      process.stdout.write(question);
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    }
    rl.once('line', (line) => {
      // Before close(), which emits 'close' at once.
      resolve(line);
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
    });
    rl.once('close', () => resolve(''));
  });
}

@Module({ imports: [ConfigModule.forRoot(), DatabaseModule, AccountsModule] })
class CreateAdminModule {}

async function main(): Promise<void> {
  const { email, name } = parseArgs(process.argv.slice(2));
  const password = await ask('Password: ');
  if (process.stdin.isTTY && (await ask('Again: ')) !== password) throw new Error('the passwords differ');
  const app = await NestFactory.createApplicationContext(CreateAdminModule, { logger: ['error'] });
  try {
    const admin = await app.get(AccountsService).createAdmin({ email, password, displayName: name });
    console.log(`admin account ${admin.id} created for ${admin.email}`);
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  if (e instanceof DomainError) console.error(`${e.code}: ${e.message}`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
