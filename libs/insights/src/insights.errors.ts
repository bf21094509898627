import { DomainError } from '@ricarica/common';

export const InsightsErrors = {
  monthInFuture: (month: string, field = 'month') =>
    DomainError.invalid('INSIGHTS.MONTH_IN_FUTURE', [{ field, reason: `${month} has not started yet: a snapshot describes a month that has begun` }]),
  invalidMonth: (value: unknown, field = 'month') => DomainError.invalid('INSIGHTS.INVALID_MONTH', [{ field, reason: `must be a month as YYYY-MM, got ${JSON.stringify(value)}` }]),
  noSnapshot: (month: string | null) =>
    new DomainError('INSIGHTS.SNAPSHOT_NOT_FOUND', 'not_found', month ? `no insights snapshot for ${month}` : 'no insights snapshot has been computed yet', month ? [{ field: 'month', reason: `no snapshot for ${month}` }] : []),
  unknownRegion: (code: string) => new DomainError('INSIGHTS.REGION_NOT_FOUND', 'not_found', `region ${code} is not an Italian NUTS-2 region`, [{ field: 'code', reason: `no region ${code}` }]),
  unknownProvince: (code: string, field = 'code') => new DomainError('INSIGHTS.PROVINCE_NOT_FOUND', 'not_found', `province ${code} is not an Italian province`, [{ field, reason: `no province ${code}` }]),
  provinceOutsideRegion: (province: string, region: string) =>
    DomainError.invalid('INSIGHTS.PROVINCE_OUTSIDE_REGION', [{ field: 'province', reason: `province ${province} is not in region ${region}` }]),
  unknownSkill: (id: string) => new DomainError('INSIGHTS.SKILL_NOT_FOUND', 'not_found', `skill ${id} is not in the taxonomy`, [{ field: 'skillId', reason: `no skill ${id}` }]),
  areaRequired: () => DomainError.invalid('INSIGHTS.AREA_REQUIRED', [{ field: 'region', reason: 'give a region or a province' }]),
};
