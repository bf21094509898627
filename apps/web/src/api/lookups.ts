import { api, call, type Schemas } from './client';

export type PlaceHit = Schemas['PlaceHitResponseDto'];
export type SkillHit = Schemas['SkillHitResponseDto'];
export type OccupationHit = Schemas['OccupationHitResponseDto'];

export const searchPlaces = async (q: string, signal: AbortSignal) =>
  (await call(api.GET('/api/v1/places', { params: { query: { q } }, signal }))).items;

export const searchSkills = async (q: string, signal: AbortSignal) =>
  (await call(api.GET('/api/v1/skills', { params: { query: { q } }, signal }))).items;

export const searchOccupations = async (q: string, signal: AbortSignal) =>
  (await call(api.GET('/api/v1/occupations', { params: { query: { q } }, signal }))).items;

export const placeLabel = (p: { name: string; province: string }) => `${p.name} (${p.province})`;
