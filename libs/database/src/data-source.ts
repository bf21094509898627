// The single data source for the TypeORM CLI (migration:generate / run / revert).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@ricarica/config';
import { dataSourceOptions } from './data-source-options';
import { ALL_ENTITIES } from './entities';

export default new DataSource({ ...dataSourceOptions(loadConfig(process.env).databaseUrl), entities: ALL_ENTITIES });
