import type { Cell, CohortReport } from './cohort-report.types';

export type ReportSection = 'destinations' | 'training' | 'hardest';

const num = (c: Cell) => (c.suppressed ? '<5' : String(c.value));
const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (fields: unknown[]) => fields.map(csvField).join(',');

/** One section as CSV with a header row (suppressed cells empty, with a *_suppressed column). */
export function reportCsv(r: CohortReport, section: ReportSection): string {
  const val = (c: Cell) => (c.suppressed ? '' : c.value);
  const lines: string[] = [];
  if (section === 'destinations') {
    lines.push(csvLine(['occupation_id', 'occupation', 'fit_today', 'fit_today_suppressed', 'with_pathway_300h', 'with_pathway_suppressed', 'vacancies', 'openings', 'employers']));
    for (const d of r.destinations) {
      lines.push(csvLine([d.occupationId, d.occupation, val(d.fitToday), d.fitToday.suppressed, val(d.withPathway), d.withPathway.suppressed, d.vacancies.length,
        d.vacancies.reduce((s, v) => s + v.openings, 0), [...new Set(d.vacancies.map((v) => v.employer.name))].join('; ')]));
    }
  } else if (section === 'training') {
    lines.push(csvLine(['course_id', 'course', 'provider', 'hours', 'members_needing', 'members_needing_suppressed', 'seats_next_90_days', 'shortfall', 'shortfall_suppressed']));
    for (const t of r.training) lines.push(csvLine([t.courseId, t.title, t.provider, t.hours, val(t.membersNeeding), t.membersNeeding.suppressed, t.seats90d, val(t.shortfall), t.shortfall.suppressed]));
  } else {
    lines.push(csvLine(['occupation_id', 'occupation', 'municipality', 'province', 'members', 'members_suppressed', ...(r.version === 'full' ? ['employee_refs'] : [])]));
    for (const h of r.hardestToPlace) {
      lines.push(csvLine([h.occupationId, h.occupation, h.municipality, h.province, val(h.members), h.members.suppressed, ...(r.version === 'full' ? [(h.employeeRefs ?? []).join(' ')] : [])]));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable page (the browser saves it as PDF); plain HTML and print CSS, no scripts. */
export function reportHtml(r: CohortReport, cohort: { name: string; employer: string; plant: string | null }): string {
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') || `<tr><td colspan="${head.length}">—</td></tr>`}</tbody></table>`;
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>${esc(cohort.name)} — rapporto</title>
<style>
body{font-family:"Titillium Web",Arial,sans-serif;margin:2rem;color:#1a1a1a}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e8eef5}td.n{text-align:right}p.note{font-size:.85rem;color:#444}@media print{body{margin:1cm}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
</style></head><body>
<h1>${esc(cohort.name)}</h1>
<p>${esc(cohort.employer)}${cohort.plant ? ` — ${esc(cohort.plant)}` : ''}. Calcolato il ${esc(r.computedAt.slice(0, 16).replace('T', ' '))} UTC. ${r.version === 'public' ? 'Versione pubblica: i valori sotto 5 persone sono omessi (&lt;5).' : 'Versione completa (amministrazione).'}</p>
<p>Lavoratori: ${r.members.total}; profili: ${r.members.profiled}; adatti oggi (punteggio ≥ ${r.thresholds.fitScore}): ${num(r.members.fitToday)}; con un percorso ≤ ${r.thresholds.maxPathwayHours} ore: ${num(r.members.withPathway)}; senza percorso: ${num(r.members.hardest)}.</p>
<h2>Dove può andare / Where the cohort can go</h2>
${table(['Professione', 'Adatti oggi', `Con percorso ≤ ${r.thresholds.maxPathwayHours} h`, 'Offerte (aziende)'], r.destinations.map((d) => [esc(d.occupation), `<span class="n">${num(d.fitToday)}</span>`, `<span class="n">${num(d.withPathway)}</span>`, d.vacancies.map((v) => `${esc(v.title)} (${esc(v.employer.name)}, ${v.openings})`).join('<br>')]))}
<h2>Formazione necessaria / Training it takes</h2>
${table(['Corso', 'Ente', 'Ore', 'Persone', `Posti (${r.thresholds.seatsWindowDays} giorni)`, 'Scoperti'], r.training.map((t) => [esc(t.title), esc(t.provider), String(t.hours), num(t.membersNeeding), String(t.seats90d), num(t.shortfall)]))}
<h2>Più difficili da ricollocare / Hardest to place</h2>
${table(['Professione', 'Comune', 'Persone', ...(r.version === 'full' ? ['Matricole'] : [])], r.hardestToPlace.map((h) => [esc(h.occupation), `${esc(h.municipality)}${h.province ? ` (${esc(h.province)})` : ''}`, num(h.members), ...(r.version === 'full' ? [esc((h.employeeRefs ?? []).join(', '))] : [])]))}
<p class="note">Fonte: Ricarica. Competenze e professioni: ESCO (Commissione europea).</p>
</body></html>`;
}
