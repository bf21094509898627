/** A location as the API shows it: coordinates plus the municipality, province and NUTS-2 region. */
export interface Place {
  lat: number;
  lng: number;
  municipality: string | null;
  municipalityCode: string | null;
  province: string | null;
  region: string | null;
}
