/** NUTS-2 codes used by the API → region names (Italian official names, the same in English). */
export const REGION_NAMES: Record<string, string> = {
  ITC1: 'Piemonte', ITC2: "Valle d'Aosta", ITC3: 'Liguria', ITC4: 'Lombardia', ITH1: 'Bolzano/Bozen', ITH2: 'Trento', ITH3: 'Veneto',
  ITH4: 'Friuli-Venezia Giulia', ITH5: 'Emilia-Romagna', ITI1: 'Toscana', ITI2: 'Umbria', ITI3: 'Marche', ITI4: 'Lazio', ITF1: 'Abruzzo',
  ITF2: 'Molise', ITF3: 'Campania', ITF4: 'Puglia', ITF5: 'Basilicata', ITF6: 'Calabria', ITG1: 'Sicilia', ITG2: 'Sardegna',
};
export const regionName = (code: string | null | undefined) => (code ? (REGION_NAMES[code] ?? code) : '');
