import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field and the reason; nothing was written',
  401: 'Not signed in, or the access token has expired or its session has ended',
  403: 'This account may not do this (role), or the record belongs to another account',
  404: 'Not found',
  409: 'Conflicts with an existing record',
  429: 'Too many requests: wait for the seconds in Retry-After',
  503: 'A backing service is unavailable',
};

/** Documents the error statuses a route can answer, all with the one error shape. */
export function ApiErrors(...statuses: number[]): MethodDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorBodyDto })));
}
