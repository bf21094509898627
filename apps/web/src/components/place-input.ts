import type { Schemas } from '../api/client';

type Place = { municipalityCode: string | null; municipality: string | null; province: string | null } | null | undefined;

/** A stored place as the autocomplete's chosen value. */
export const chosenPlace = (p: Place) => (p?.municipalityCode ? { code: p.municipalityCode, label: `${p.municipality} (${p.province})` } : null);

/** The location the API accepts for a chosen municipality (its ISTAT code). */
export const locationInput = (chosen: { code: string } | null): Schemas['LocationInputDto'] | null => (chosen ? { municipality: chosen.code } : null);
