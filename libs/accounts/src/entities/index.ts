export * from './app-user.entity';
export * from './audit-log-entry.entity';
export * from './auth-session.entity';
export * from './refresh-token.entity';
