/** Escapes text, then lets through only the <mark> tags the search put around matched words. */
export function highlightHtml(text: string): { __html: string } {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return { __html: escaped.replace(/&lt;mark&gt;/g, '<mark>').replace(/&lt;\/mark&gt;/g, '</mark>') };
}

export const formatEuro = (value: number, lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: value % 1 ? 2 : 0 }).format(value);

export const formatDate = (iso: string | number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { day: 'numeric', month: 'long', year: 'numeric' }).format(typeof iso === 'number' ? new Date(iso * 1000) : new Date(iso));

export const formatKm = (km: number, lang: string) => `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 1 }).format(km)} km`;

export const percent = (score: number) => `${Math.round(score * 100)}%`;
