export * from './employer.entity';
export * from './employer.errors';
export * from './employer.types';
export * from './employers.module';
export * from './employers.service';
export * from './vat-number';
