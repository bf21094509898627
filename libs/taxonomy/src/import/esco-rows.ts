import { createHash } from 'node:crypto';
import { foldText } from '@ricarica/common';

/** Where an Italian skill label comes from: ESCO's official files, or Ricarica's own translation. */
export type ItalianLabelSource = 'esco' | 'ricarica';

export interface ItalianLabels {
  uri: string;
  label: string;
  altLabels: string[];
}

export interface SkillRecord {
  id: string;
  uri: string;
  skillType: string | null;
  reuseLevel: string | null;
  labelEn: string;
  altLabelsEn: string[];
  labelIt: string | null;
  altLabelsIt: string[];
  labelItSource: ItalianLabelSource | null;
  description: string | null;
  sourceHash: string;
}

export interface SkillGroupRecord {
  id: string;
  uri: string;
  code: string | null;
  labelEn: string;
  sourceHash: string;
}

export interface BroaderRecord {
  conceptUri: string;
  broaderUri: string;
  conceptType: ConceptType;
  broaderType: ConceptType;
}

export interface OccupationRecord {
  id: string;
  uri: string;
  iscoGroup: string | null;
  code: string | null;
  labelEn: string;
  altLabelsEn: string[];
  labelIt: string | null;
  altLabelsIt: string[];
  description: string | null;
  sourceHash: string;
}

export interface OccupationSkillRecord {
  occupationId: string;
  skillId: string;
  relationType: 'essential' | 'optional';
}

/** The two ends of a skill-pillar edge, in the short form the skill_broader table stores. */
export type ConceptType = 'Skill' | 'SkillGroup';

/** A row the importer cannot use: thrown with enough context to find it in the file. */
export class InvalidRowError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidRowError';
  }
}

export const SKILL_COLUMNS = ['conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'description'] as const;
export const ITALIAN_SKILL_COLUMNS = ['conceptUri', 'preferredLabel', 'altLabels'] as const;
export const SKILL_GROUP_COLUMNS = ['conceptUri', 'preferredLabel', 'code'] as const;
export const BROADER_COLUMNS = ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'] as const;
export const OCCUPATION_COLUMNS = ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'description', 'code'] as const;
export const ITALIAN_OCCUPATION_COLUMNS = ['conceptUri', 'preferredLabel', 'altLabels'] as const;
export const RELATION_COLUMNS = ['occupationUri', 'relationType', 'skillUri'] as const;

type Row = Record<string, string>;

/** Trims and collapses inner runs of white space ("wiredrawing  machine " → "wiredrawing machine"). */
export function cleanLabel(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function optional(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
}

/**
 * Splits a multi-valued cell (one value per line), cleaning each label and dropping blanks, duplicates
 * (accents and case ignored) and the preferred label itself, which ESCO often repeats among the alternatives.
 */
export function splitLabels(cell: string | undefined, preferred?: string | null): string[] {
  const seen = new Set<string>(preferred ? [foldText(preferred)] : []);
  const labels: string[] = [];
  for (const part of (cell ?? '').split(/\r?\n/)) {
    const label = cleanLabel(part);
    const key = foldText(label);
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

/** The last segment of an ESCO concept URI: a UUID for skills and occupations, a code for some groups. */
export function conceptId(uri: string): string {
  const id = uri.slice(uri.lastIndexOf('/') + 1);
  if (!/^https?:\/\/\S+\/[^/\s]+$/.test(uri) || id === '') throw new InvalidRowError(`"${uri}" is not a concept URI`);
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidId(uri: string): string {
  const id = conceptId(uri);
  if (!UUID.test(id)) throw new InvalidRowError(`"${uri}" does not end in a UUID`);
  return id.toLowerCase();
}

/** Hash of the values a row stores, so that a re-import only touches rows whose content changed. */
export function rowHash(values: unknown[]): string {
  return createHash('md5').update(JSON.stringify(values)).digest('hex');
}

function requiredLabel(row: Row, column: string): string {
  const label = cleanLabel(row[column]);
  if (label === '') throw new InvalidRowError(`empty ${column}`);
  return label;
}

/** Italian labels of a skill: from ESCO's skills_it file or from Ricarica's skills_it_automotive file. */
export function parseItalianLabels(row: Row): ItalianLabels {
  const label = requiredLabel(row, 'preferredLabel');
  return { uri: row.conceptUri.trim(), label, altLabels: splitLabels(row.altLabels, label) };
}

/**
 * A skill from skills_en with its Italian labels: official ESCO labels win over Ricarica's translation,
 * and alternative labels are never mixed between the two sources.
 */
export function parseSkillRow(row: Row, official?: ItalianLabels, ricarica?: ItalianLabels): SkillRecord {
  const uri = row.conceptUri.trim();
  const labelEn = requiredLabel(row, 'preferredLabel');
  const italian = official ?? ricarica;
  const record: Omit<SkillRecord, 'sourceHash'> = {
    id: uuidId(uri),
    uri,
    skillType: optional(row.skillType),
    reuseLevel: optional(row.reuseLevel),
    labelEn,
    altLabelsEn: splitLabels(row.altLabels, labelEn),
    labelIt: italian?.label ?? null,
    altLabelsIt: italian?.altLabels ?? [],
    labelItSource: official ? 'esco' : ricarica ? 'ricarica' : null,
    description: optional(row.description),
  };
  return { ...record, sourceHash: rowHash(Object.values(record)) };
}

export function parseSkillGroupRow(row: Row): SkillGroupRecord {
  const uri = row.conceptUri.trim();
  const record = { id: conceptId(uri), uri, code: optional(row.code), labelEn: requiredLabel(row, 'preferredLabel') };
  return { ...record, sourceHash: rowHash(Object.values(record)) };
}

const CONCEPT_TYPES: Record<string, ConceptType> = { KnowledgeSkillCompetence: 'Skill', Skill: 'Skill', SkillGroup: 'SkillGroup' };

function conceptType(value: string): ConceptType {
  const type = CONCEPT_TYPES[value.trim()];
  if (!type) throw new InvalidRowError(`unknown concept type "${value}"`);
  return type;
}

export function parseBroaderRow(row: Row): BroaderRecord {
  const conceptUri = row.conceptUri.trim();
  const broaderUri = row.broaderUri.trim();
  conceptId(conceptUri);
  conceptId(broaderUri);
  return { conceptUri, broaderUri, conceptType: conceptType(row.conceptType), broaderType: conceptType(row.broaderType) };
}

/** An occupation from occupations_en, with its Italian labels from occupations_it when there is a row. */
export function parseOccupationRow(row: Row, italian?: Row): OccupationRecord {
  const uri = row.conceptUri.trim();
  const labelEn = requiredLabel(row, 'preferredLabel');
  const labelIt = italian ? cleanLabel(italian.preferredLabel) || null : null;
  const record: Omit<OccupationRecord, 'sourceHash'> = {
    id: uuidId(uri),
    uri,
    iscoGroup: optional(row.iscoGroup),
    code: optional(row.code),
    labelEn,
    altLabelsEn: splitLabels(row.altLabels, labelEn),
    labelIt,
    altLabelsIt: italian ? splitLabels(italian.altLabels, labelIt) : [],
    description: optional(row.description),
  };
  return { ...record, sourceHash: rowHash(Object.values(record)) };
}

export function parseRelationRow(row: Row): OccupationSkillRecord {
  const relationType = row.relationType.trim();
  if (relationType !== 'essential' && relationType !== 'optional') throw new InvalidRowError(`unknown relationType "${row.relationType}"`);
  return { occupationId: uuidId(row.occupationUri.trim()), skillId: uuidId(row.skillUri.trim()), relationType };
}
